/// The harm "measures" metrics are reported for: each category, then the groups
/// `primary_priority`, `priority` and `any_harm` (DESIGN "Metrics"). Measure `m` counts an
/// impression when the item's true category is a member of it.
public struct HarmMeasures: Sendable, Equatable {
  /// Measure names: categories in taxonomy order, then the three groups.
  public let names: [String]
  /// For each harm category, a bit mask of the measures it belongs to.
  public let membership: [UInt64]

  /// The measures of `taxonomy`.
  public init(taxonomy: Taxonomy) {
    let harmCount = taxonomy.harms.count
    precondition(harmCount + 3 <= 64, "at most 61 harm categories fit the measure masks")
    names = taxonomy.harms.map(\.name) + HarmMeasures.groupNames
    membership = taxonomy.harms.enumerated().map { position, harm in
      let tierBit: UInt64 = harm.tier == .primaryPriority ? 1 << harmCount : 1 << (harmCount + 1)
      return (1 << UInt64(position)) | tierBit | (1 << (harmCount + 2))
    }
  }

  /// Every harm category: the measure headline figures, gates and charts use.
  public static let anyHarm = "any_harm"
  /// Ofcom's primary priority content (the categories of that tier).
  public static let primaryPriority = "primary_priority"
  /// Ofcom's priority content.
  public static let priority = "priority"
  /// The group names, in order after the categories.
  public static let groupNames = [primaryPriority, priority, anyHarm]

  /// Number of measures.
  public var count: Int { names.count }
}
