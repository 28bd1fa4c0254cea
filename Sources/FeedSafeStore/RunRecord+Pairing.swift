extension RunRecord {
  /// Whether two stored runs can be compared seed by seed, and why.
  public struct Pairing: Sendable, Equatable {
    /// Whether per-seed differences are meaningful: both runs built the same worlds.
    public var isPaired: Bool
    /// The reason, as `compare` prints it.
    public var reason: String
  }

  /// Runs pair by seed when they share the scenario world — the same scenario text (so the same
  /// population, catalogue and behaviour; `--feeds` files may differ, they change only the
  /// arms), the same people, items, horizon and burn-in after overrides — and the same seeds:
  /// then seed `s` of each run simulated the same people and items, and only the change between
  /// the runs differs. Otherwise the comparison is unpaired (Welch).
  public func pairing(with other: RunRecord) -> Pairing {
    var differences: [String] = []
    if scenarioSHA256 != other.scenarioSHA256 { differences.append("scenario texts") }
    if people != other.people || items != other.items { differences.append("sizes") }
    if horizonDays != other.horizonDays || burnInDays != other.burnInDays {
      differences.append("horizons")
    }
    if seeds.sorted() != other.seeds.sorted() { differences.append("seeds") }
    guard differences.isEmpty else {
      return Pairing(
        isPaired: false,
        reason: "Welch (unpaired): the runs' \(differences.joined(separator: ", ")) differ")
    }
    return Pairing(
      isPaired: true,
      reason:
        "paired by seed: the runs share the scenario world (sha256 \(scenarioSHA256.prefix(12))…) and \(seeds.count) seeds"
    )
  }
}
