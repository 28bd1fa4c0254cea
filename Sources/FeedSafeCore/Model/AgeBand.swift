/// An age band (`under_13`, `13_15`, …) by its position in ``AgeBands``.
public struct AgeBand: Hashable, Comparable, Sendable {
  /// The zero-based position, youngest band first.
  public let position: Int
  /// The band at `position`.
  public init(_ position: Int) { self.position = position }
  public static func < (a: Self, b: Self) -> Bool { a.position < b.position }
}

/// The ordered age bands of a scenario, youngest first, each from a minimum age up to the next.
///
/// Default: `under_13` (0–12), `13_15`, `16_17`, `adult` (18+), the bands the ICO Children's code
/// uses for age-appropriate design. A band whose minimum age is 18 or more is an adult band.
public struct AgeBands: Sendable, Equatable {
  /// Band names, youngest first.
  public let names: [String]
  /// The youngest age in each band, strictly increasing; the first is 0.
  public let minimumAges: [Int]

  /// Bands from names and their youngest ages (strictly increasing, the first 0).
  public init(names: [String], minimumAges: [Int]) {
    precondition(names.count == minimumAges.count && !names.isEmpty, "one minimum age per band")
    self.names = names
    self.minimumAges = minimumAges
  }

  /// The UK Children's code bands.
  public static let standard = AgeBands(
    names: ["under_13", "13_15", "16_17", "adult"], minimumAges: [0, 13, 16, 18])

  /// How many bands there are.
  public var count: Int { names.count }
  /// Every band, youngest first.
  public var all: [AgeBand] { (0..<count).map(AgeBand.init) }

  /// The band that contains `age` (years).
  public func band(ofAge age: Int) -> AgeBand {
    var result = 0
    for (position, minimum) in minimumAges.enumerated() where age >= minimum { result = position }
    return AgeBand(result)
  }

  /// Whether people in `band` are under 18.
  public func isChild(_ band: AgeBand) -> Bool { minimumAges[band.position] < 18 }
  /// The band's name as scenarios and metrics spell it.
  public func name(of band: AgeBand) -> String { names[band.position] }
  /// The youngest age in `band`.
  public func minimumAge(of band: AgeBand) -> Int { minimumAges[band.position] }
  /// The oldest age in `band`, or `nil` for the last band (open-ended).
  public func maximumAge(of band: AgeBand) -> Int? {
    band.position + 1 < count ? minimumAges[band.position + 1] - 1 : nil
  }
}
