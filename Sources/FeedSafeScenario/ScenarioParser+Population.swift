import FeedSafeCore
import Yams

extension ScenarioParser {
  static let populationKeys = [
    "size", "age_bands", "bands", "age_assurance", "susceptibility", "stickiness",
    "initial_follows", "maximum_follows", "declared_interests", "segments",
  ]
  static let bandKeys = [
    "share", "lie_rate", "vulnerable_share", "sessions_per_day", "session_minutes",
    "interest_concentration", "topic_priors", "new_account_share", "adult_declared_share",
  ]

  /// `population.age_bands` (band name → youngest age), or the standard bands.
  mutating func ageBands(_ fields: Fields?) -> AgeBands {
    guard let fields, let node = fields["age_bands"],
      let bands = reader.fields(node, context: "population.age_bands", allowed: [])
    else { return .standard }
    var names: [String] = []
    var ages: [Int] = []
    for entry in bands.entries {
      let age = reader.integer(
        entry.value, name: "age_bands.\(entry.key)", range: 0...130, fallback: -1)
      guard age >= 0 else { continue }
      if let last = ages.last, age <= last {
        reader.fail(
          at: entry.value,
          "age bands must be listed youngest first with increasing ages; '\(entry.key)' starts at \(age), not after \(last)"
        )
        continue
      }
      if ages.isEmpty && age != 0 {
        reader.fail(at: entry.value, "the first age band must start at age 0, got \(age)")
      }
      names.append(entry.key)
      ages.append(age)
    }
    guard !names.isEmpty else {
      reader.fail(at: node, "'population.age_bands' must name at least one band")
      return .standard
    }
    return AgeBands(names: names, minimumAges: ages)
  }

  /// The population section, over `bands` and `taxonomy`.
  mutating func population(_ fields: Fields?, bands: AgeBands, taxonomy: Taxonomy) -> PopulationSpec
  {
    let size = reader.integer(
      fields?["size"], name: "population.size", range: 1...100_000_000, fallback: 2_000)
    var spec = Defaults.population(size: size, bands: bands, taxonomy: taxonomy)
    guard let fields else { return spec }
    if let node = fields["bands"],
      let bandFields = reader.fields(node, context: "population.bands", allowed: bands.names)
    {
      for entry in bandFields.entries {
        guard let position = bands.names.firstIndex(of: entry.key) else { continue }
        spec.bandSpecs[position] = band(
          entry.value, name: entry.key, base: spec.bandSpecs[position], taxonomy: taxonomy)
      }
      let total = spec.bandSpecs.reduce(0) { $0 + $1.share }
      if abs(total - 1) > 1e-6 {
        reader.fail(
          at: node,
          "band shares in 'population.bands' must sum to 1, got \((total * 1e6).rounded() / 1e6)")
      }
    }
    if let node = fields["age_assurance"] {
      spec.ageAssurance = ageAssurance(node, context: "population.age_assurance")
    }
    if let node = fields["susceptibility"],
      let susceptibility = reader.fields(
        node, context: "population.susceptibility", allowed: ["base", "vulnerable"])
    {
      let names = taxonomy.harms.map(\.name)
      let groups = harmGroups(taxonomy)
      spec.baseSusceptibility = perName(
        susceptibility["base"], name: "susceptibility.base", names: names, groups: groups,
        range: 0...100, defaults: spec.baseSusceptibility)
      spec.vulnerableSusceptibility = perName(
        susceptibility["vulnerable"], name: "susceptibility.vulnerable", names: names,
        groups: groups,
        range: 0...100, defaults: spec.vulnerableSusceptibility)
    }
    spec.stickiness = perName(
      fields["stickiness"], name: "stickiness", names: Setting.allCases.map(\.rawValue),
      range: 0...1,
      defaults: spec.stickiness)
    spec.initialFollows = reader.number(
      fields["initial_follows"], name: "initial_follows", range: 0...1_000,
      fallback: spec.initialFollows)
    spec.maximumFollows = reader.integer(
      fields["maximum_follows"], name: "maximum_follows", range: 0...1_000,
      fallback: spec.maximumFollows)
    spec.maximumDeclaredInterests = reader.integer(
      fields["declared_interests"], name: "declared_interests", range: 1...taxonomy.topics.count,
      fallback: min(spec.maximumDeclaredInterests, taxonomy.topics.count))
    if let node = fields["segments"] {
      spec.segments = segments(node, taxonomy: taxonomy)
    }
    return spec
  }

  /// Most population segments (each child segment is a cohort; a person's cohorts fit 32 bits).
  static let maximumSegments = 8

  /// `population.segments`: name → `{share:, susceptibility: factor or per-category map}`.
  private mutating func segments(_ node: Node, taxonomy: Taxonomy) -> [PopulationSegment] {
    guard let fields = reader.fields(node, context: "population.segments", allowed: []) else {
      return []
    }
    var segments: [PopulationSegment] = []
    for entry in fields.entries {
      let context = "population.segments.\(entry.key)"
      guard
        let segment = reader.fields(
          entry.value, context: context,
          allowed: ["share", "susceptibility", "offline_meeting_factor"])
      else { continue }
      let share = reader.number(
        reader.required(segment, "share"), name: "\(context).share", range: 0...1, fallback: 0)
      let factors = perName(
        segment["susceptibility"], name: "\(context).susceptibility",
        names: taxonomy.harms.map(\.name), groups: harmGroups(taxonomy), range: 0...100,
        defaults: Array(repeating: 1, count: taxonomy.harms.count))
      var parsed = PopulationSegment(name: entry.key, share: share, susceptibilityFactor: factors)
      parsed.offlineMeetingFactor = reader.number(
        segment["offline_meeting_factor"], name: "\(context).offline_meeting_factor",
        range: 0...100, fallback: 1)
      segments.append(parsed)
    }
    if segments.count > Self.maximumSegments {
      reader.fail(
        at: node,
        "'population.segments' may declare at most \(Self.maximumSegments) segments, got \(segments.count)"
      )
    }
    let total = segments.reduce(0) { $0 + $1.share }
    if !segments.isEmpty && abs(total - 1) > 1e-6 {
      reader.fail(
        at: node,
        "segment shares in 'population.segments' must sum to 1, got \((total * 1e6).rounded() / 1e6)"
      )
    }
    return segments
  }

  private mutating func band(_ node: Node, name: String, base: BandSpec, taxonomy: Taxonomy)
    -> BandSpec
  {
    guard
      let fields = reader.fields(node, context: "population.bands.\(name)", allowed: Self.bandKeys)
    else { return base }
    var band = base
    band.share = reader.number(fields["share"], name: "share", range: 0...1, fallback: band.share)
    band.lieRate = reader.number(
      fields["lie_rate"], name: "lie_rate", range: 0...1, fallback: band.lieRate)
    band.adultDeclaredShare = reader.number(
      fields["adult_declared_share"], name: "adult_declared_share", range: 0...1,
      fallback: band.adultDeclaredShare)
    band.vulnerableShare = reader.number(
      fields["vulnerable_share"], name: "vulnerable_share", range: 0...1,
      fallback: band.vulnerableShare)
    band.sessionsPerDay = reader.number(
      fields["sessions_per_day"], name: "sessions_per_day", range: 0...100,
      fallback: band.sessionsPerDay)
    band.sessionMinutes = reader.number(
      fields["session_minutes"], name: "session_minutes", range: 0.1...1_440,
      fallback: band.sessionMinutes)
    band.interestConcentration = reader.number(
      fields["interest_concentration"], name: "interest_concentration", range: 0.001...1_000,
      fallback: band.interestConcentration)
    band.newAccountShare = reader.number(
      fields["new_account_share"], name: "new_account_share", range: 0...1,
      fallback: band.newAccountShare)
    band.topicPriors = perName(
      fields["topic_priors"], name: "topic_priors", names: taxonomy.topics, range: 0...1_000,
      defaults: band.topicPriors)
    return band
  }

  /// An age-assurance method: a name, or `{method:, mean_absolute_error:, failure_rate:}`.
  mutating func ageAssurance(_ node: Node, context: String) -> AgeAssurance {
    let methods = ["self_declaration", "estimation", "verification", "estimation_with_challenge"]
    if node.scalar != nil {
      switch reader.choice(node, name: "age-assurance method", allowed: methods) {
      case "estimation": return .estimation(meanAbsoluteError: 1.5)
      case "verification": return .verification(failureRate: 0.01)
      case "estimation_with_challenge":
        return .challengeAge(meanAbsoluteError: 1.5, challengeBuffer: 5, failureRate: 0.01)
      default: return .selfDeclaration
      }
    }
    guard
      let fields = reader.fields(
        node, context: context,
        allowed: ["method", "mean_absolute_error", "failure_rate", "challenge_buffer"])
    else { return .selfDeclaration }
    let method = reader.choice(
      reader.required(fields, "method"), name: "age-assurance method", allowed: methods)
    if method != "estimation_with_challenge", let node = fields["challenge_buffer"] {
      reader.fail(at: node, "'challenge_buffer' applies to 'estimation_with_challenge'")
    }
    switch method {
    case "estimation_with_challenge":
      return .challengeAge(
        meanAbsoluteError: reader.number(
          fields["mean_absolute_error"], name: "mean_absolute_error", range: 0...50, fallback: 1.5),
        challengeBuffer: reader.number(
          fields["challenge_buffer"], name: "challenge_buffer", range: 0...50, fallback: 5),
        failureRate: reader.number(
          fields["failure_rate"], name: "failure_rate", range: 0...1, fallback: 0.01))
    case "estimation":
      if let node = fields["failure_rate"] {
        reader.fail(at: node, "'failure_rate' applies to 'verification', not 'estimation'")
      }
      return .estimation(
        meanAbsoluteError: reader.number(
          fields["mean_absolute_error"], name: "mean_absolute_error", range: 0...50, fallback: 1.5))
    case "verification":
      if let node = fields["mean_absolute_error"] {
        reader.fail(at: node, "'mean_absolute_error' applies to 'estimation', not 'verification'")
      }
      return .verification(
        failureRate: reader.number(
          fields["failure_rate"], name: "failure_rate", range: 0...1, fallback: 0.01))
    default:
      return .selfDeclaration
    }
  }
}
