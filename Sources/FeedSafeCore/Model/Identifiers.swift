/// A person's row in the population's columns.
public struct PersonIndex: Hashable, Comparable, Sendable {
  /// The zero-based row.
  public let row: Int
  /// The person at `row`.
  public init(_ row: Int) { self.row = row }
  public static func < (a: Self, b: Self) -> Bool { a.row < b.row }
}

/// An item's row in the catalogue's columns.
public struct ItemIndex: Hashable, Comparable, Sendable {
  /// The zero-based row.
  public let row: Int
  /// The item at `row`.
  public init(_ row: Int) { self.row = row }
  public static func < (a: Self, b: Self) -> Bool { a.row < b.row }
}

/// A benign topic (gaming, sport, …) by its position in the scenario's topic list.
public struct TopicIndex: Hashable, Comparable, Sendable {
  /// The zero-based position.
  public let position: Int
  /// The topic at `position`.
  public init(_ position: Int) { self.position = position }
  public static func < (a: Self, b: Self) -> Bool { a.position < b.position }
}

/// A harm category (suicide, self_harm, …) by its position in the scenario's taxonomy.
public struct HarmIndex: Hashable, Comparable, Sendable {
  /// The zero-based position.
  public let position: Int
  /// The category at `position`.
  public init(_ position: Int) { self.position = position }
  public static func < (a: Self, b: Self) -> Bool { a.position < b.position }
}
