/// The ads of one seed, one column per attribute: built once, shared by every arm.
public struct AdInventory: Sendable {
  /// Category of each ad (position in the spec's categories).
  public let category: ContiguousArray<Int16>
  /// Whether each ad's category is age-restricted.
  public let isRestricted: ContiguousArray<Bool>
  /// The youngest assessed age the advertiser's age gate admits: 18 for age-gated restricted ads,
  /// 0 for the rest (no age targeting), so a declared under-13 the platform admits sees open ads.
  public let minimumAge: ContiguousArray<Int16>
  /// The embedding dimension (topic) each ad sits on.
  public let dimension: ContiguousArray<Int16>

  /// Number of ads.
  public var count: Int { category.count }

  /// The inventory of `seed`: categories by their shares; restricted ads are gated to adults unless
  /// their advertiser set no age gate (`untargetedRestrictedShare`, the leakage to declared minors).
  public static func build(spec: AdsSpec, taxonomy: Taxonomy, seed: UInt64) -> AdInventory {
    var category = ContiguousArray<Int16>()
    var restricted = ContiguousArray<Bool>()
    var minimumAge = ContiguousArray<Int16>()
    var dimension = ContiguousArray<Int16>()
    let shares = spec.categories.map(\.share)
    let total = shares.reduce(0, +)
    for ad in 0..<(spec.categories.isEmpty ? 0 : spec.inventorySize) {
      var rng = RandomStream(seed: seed, purpose: .adInventory, person: ad)
      var roll = rng.uniform() * total
      var chosen = shares.count - 1
      for (index, share) in shares.enumerated() {
        if roll < share { chosen = index; break }
        roll -= share
      }
      let kind = spec.categories[chosen]
      category.append(Int16(chosen))
      restricted.append(kind.isRestricted)
      let ageTargeted = kind.isRestricted && !rng.bernoulli(spec.untargetedRestrictedShare)
      minimumAge.append(ageTargeted ? 18 : 0)
      dimension.append(Int16(taxonomy.dimension(of: kind.topic)))
    }
    return AdInventory(
      category: category, isRestricted: restricted, minimumAge: minimumAge, dimension: dimension)
  }
}
