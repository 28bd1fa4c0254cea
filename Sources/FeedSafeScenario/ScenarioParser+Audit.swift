import FeedSafeCore
import Yams

extension ScenarioParser {
  static let auditKeys = ["affects_platform", "personas"]
  static let personaKeys = [
    "replicas", "age", "declared_age", "declared_interests", "signals", "susceptibility",
    "join_day", "minutes_per_day", "script",
  ]
  static let phaseKeys = [
    "phase", "minutes", "impressions", "behave", "linger", "engage", "interests", "not_interested",
    "search",
  ]
  static let behaviours = ["population", "scripted", "stop_engaging"]

  /// The `audit_accounts` section: scripted personas that join the warmed-up platform.
  mutating func audit(
    _ fields: Fields?, taxonomy: Taxonomy, population: PopulationSpec, horizon: Int
  ) -> AuditSpec {
    guard let fields else { return .none }
    var spec = AuditSpec()
    spec.affectsPlatform = reader.flag(
      fields["affects_platform"], name: "audit_accounts.affects_platform", fallback: false)
    guard let node = reader.required(fields, "personas"),
      let personas = reader.fields(node, context: "audit_accounts.personas", allowed: [])
    else { return spec }
    if personas.entries.isEmpty {
      reader.fail(at: node, "'audit_accounts.personas' must name at least one persona")
    }
    for entry in personas.entries {
      guard
        let persona = persona(
          entry.value, name: entry.key, taxonomy: taxonomy, population: population,
          horizon: horizon)
      else { continue }
      spec.personas.append(persona)
    }
    if spec.accountCount > 10_000 {
      reader.fail(
        at: node, "audit accounts number \(spec.accountCount) in all; at most 10000 are allowed")
    }
    return spec
  }

  /// One persona, named `name`.
  private mutating func persona(
    _ node: Node, name: String, taxonomy: Taxonomy, population: PopulationSpec, horizon: Int
  ) -> Persona? {
    let context = "audit_accounts.personas.\(name)"
    guard let fields = reader.fields(node, context: context, allowed: Self.personaKeys) else {
      return nil
    }
    let age = reader.integer(
      reader.required(fields, "age"), name: "\(context).age", range: 0...120, fallback: 13)
    let topics = taxonomy.topics
    let harms = taxonomy.harms.map(\.name)
    var susceptibility = population.baseSusceptibility
    if let node = fields["susceptibility"] {
      if node.scalar != nil, let word = node.string, ["base", "vulnerable"].contains(word) {
        susceptibility =
          word == "vulnerable" ? population.vulnerableSusceptibility : population.baseSusceptibility
      } else {
        susceptibility = perName(
          node, name: "\(context).susceptibility", names: harms, groups: harmGroups(taxonomy),
          range: 0...100, defaults: population.baseSusceptibility)
      }
    }
    var signals = [Double](repeating: 0, count: taxonomy.dimensionCount)
    if let node = fields["signals"],
      let entries = reader.fields(node, context: "\(context).signals", allowed: topics + harms)
    {
      for entry in entries.entries {
        let weight = reader.number(
          entry.value, name: "\(context).signals.\(entry.key)", range: 0...1, fallback: 0)
        if let topic = topics.firstIndex(of: entry.key) {
          signals[topic] = weight
        } else if let harm = harms.firstIndex(of: entry.key) {
          signals[topics.count + harm] = weight
        }
      }
    }
    let script = reader.list(reader.required(fields, "script"), name: "\(context).script")
    if fields["script"] != nil && script.isEmpty {
      reader.fail(at: fields["script"], "'\(context).script' must list at least one phase")
    }
    var phases: [AuditPhase] = []
    for (position, node) in script.enumerated() {
      guard let phase = phase(node, context: "\(context).script[\(position)]", taxonomy: taxonomy)
      else { continue }
      if phases.contains(where: { $0.name == phase.name }) {
        reader.fail(at: node, "phase '\(phase.name)' is named twice in '\(context).script'")
      }
      phases.append(phase)
    }
    return Persona(
      name: name,
      replicas: reader.integer(
        fields["replicas"], name: "\(context).replicas", range: 1...1000, fallback: 10),
      age: age,
      declaredAge: reader.integer(
        fields["declared_age"], name: "\(context).declared_age", range: 0...120, fallback: age),
      declaredInterests: topicList(
        fields["declared_interests"], name: "\(context).declared_interests", topics: topics),
      signals: signals, susceptibility: susceptibility,
      joinDay: reader.integer(
        fields["join_day"], name: "\(context).join_day", range: 0...max(0, horizon - 1),
        fallback: 0),
      minutesPerDay: reader.number(
        fields["minutes_per_day"], name: "\(context).minutes_per_day", range: 1...1440,
        fallback: 60),
      phases: phases)
  }

  /// One phase of a script.
  private mutating func phase(_ node: Node, context: String, taxonomy: Taxonomy) -> AuditPhase? {
    guard let fields = reader.fields(node, context: context, allowed: Self.phaseKeys) else {
      return nil
    }
    let name = reader.text(reader.required(fields, "phase"), name: "\(context).phase", fallback: "")
    if let search = fields.entries.first(where: { $0.key == "search" }) {
      reader.fail(
        at: search.keyNode,
        "'search' is not modelled: FeedSafe's feeds offer no search box, so a script cannot search (docs/audits.md)"
      )
    }
    let length: AuditPhase.Length
    switch (fields["minutes"], fields["impressions"]) {
    case (let minutes?, nil):
      length = .minutes(
        reader.number(minutes, name: "\(context).minutes", range: 0.1...1_000_000, fallback: 30))
    case (nil, let impressions?):
      length = .impressions(
        reader.integer(
          impressions, name: "\(context).impressions", range: 1...10_000_000, fallback: 100))
    default:
      reader.fail(at: fields.node, "'\(context)' needs exactly one of 'minutes' or 'impressions'")
      length = .minutes(30)
    }
    let scripted = fields["linger"] != nil || fields["engage"] != nil
    let behave =
      reader.choice(fields["behave"], name: "\(context).behave", allowed: Self.behaviours)
      ?? (scripted ? "scripted" : "population")
    if scripted && behave != "scripted", let node = fields["behave"] {
      reader.fail(
        at: node, "'linger' and 'engage' apply only to 'behave: scripted' in '\(context)'")
    }
    let behaviour: AuditBehaviour
    switch behave {
    case "scripted":
      behaviour = .scripted(
        linger: rates(fields["linger"], name: "\(context).linger", taxonomy: taxonomy),
        engage: rates(fields["engage"], name: "\(context).engage", taxonomy: taxonomy))
    case "stop_engaging": behaviour = .stopEngaging
    default: behaviour = .population
    }
    return AuditPhase(
      name: name, length: length, behaviour: behaviour,
      interests: topicList(
        fields["interests"], name: "\(context).interests", topics: taxonomy.topics),
      notInterested: fields["not_interested"].map {
        reader.number($0, name: "\(context).not_interested", range: 0...1, fallback: 0)
      })
  }

  /// Probabilities per harm category (or group), per topic and `other`.
  private mutating func rates(_ node: Node?, name: String, taxonomy: Taxonomy) -> AuditRates {
    var rates = AuditRates.uniform(0, harms: taxonomy.harms.count, topics: taxonomy.topics.count)
    guard let node else { return rates }
    let groups = harmGroups(taxonomy)
    let harms = taxonomy.harms.map(\.name)
    let allowed = harms + groups.keys.sorted() + taxonomy.topics + ["other"]
    guard let fields = reader.fields(node, context: name, allowed: allowed) else { return rates }
    // Groups first, so a category named after them overrides the group's value.
    for entry in fields.entries.sorted(by: {
      (groups[$0.key] == nil ? 1 : 0) < (groups[$1.key] == nil ? 1 : 0)
    }) {
      let value = reader.number(
        entry.value, name: "\(name).\(entry.key)", range: 0...1, fallback: 0)
      if entry.key == "other" {
        rates.otherwise = value
      } else if let members = groups[entry.key] {
        for harm in members { rates.harm[harm] = value }
      } else if let harm = harms.firstIndex(of: entry.key) {
        rates.harm[harm] = value
      } else if let topic = taxonomy.topics.firstIndex(of: entry.key) {
        rates.topic[topic] = value
      }
    }
    return rates
  }

  /// A list of topic names as positions.
  private mutating func topicList(_ node: Node?, name: String, topics: [String]) -> [Int] {
    reader.list(node, name: name).compactMap { item in
      reader.choice(item, name: name, allowed: topics).flatMap { topics.firstIndex(of: $0) }
    }
  }
}
