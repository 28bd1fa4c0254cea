/// The default world: every number here is cited or marked as an assumption in `docs/model.md`.
/// Scenarios override any of them; a test checks that each one changes some output.
public enum Defaults {
  /// Days simulated before the measured horizon (a warmed-up platform; `docs/model.md`).
  public static let burnInDays = 14

  /// Benign topics.
  public static let topics = [
    "gaming", "sport", "music", "dance", "comedy", "fashion", "beauty", "fitness", "food", "pets",
    "education", "news", "diet", "mental_health", "self_improvement", "pranks",
  ]

  /// Harm categories of the UK Online Safety Act (ss. 61–62) with their gateway topics
  /// (DESIGN "Topics and harm categories").
  public static let harms: [(name: String, tier: HarmTier, gateways: [String])] = [
    ("suicide", .primaryPriority, ["mental_health", "music"]),
    ("self_harm", .primaryPriority, ["mental_health", "music"]),
    ("eating_disorder", .primaryPriority, ["fitness", "diet", "beauty"]),
    ("pornography", .primaryPriority, ["fashion", "dance"]),
    ("abuse_hate", .priority, ["news", "gaming"]),
    ("misogyny", .priority, ["fitness", "gaming", "self_improvement"]),
    ("bullying", .priority, ["comedy", "pranks"]),
    ("violence", .priority, ["news", "sport"]),
    ("harmful_substances", .priority, ["music", "comedy"]),
    ("dangerous_challenges", .priority, ["comedy", "pranks"]),
  ]

  /// The default taxonomy.
  public static var taxonomy: Taxonomy {
    Taxonomy(
      topics: topics,
      harms: harms.map { harm in
        HarmCategory(
          name: harm.name, tier: harm.tier,
          gatewayTopics: harm.gateways.compactMap { topics.firstIndex(of: $0) }.map(TopicIndex.init)
        )
      })
  }

  /// Topic prior boosts per default band (assumption: relative popularity of topics by age).
  static let topicBoosts: [[String: Double]] = [
    ["gaming": 3, "pets": 2, "comedy": 2, "pranks": 2, "dance": 2],
    [
      "gaming": 2, "music": 2, "dance": 2, "comedy": 2, "beauty": 1.5, "fashion": 1.5,
      "fitness": 1.5,
    ],
    [
      "music": 2, "fashion": 2, "beauty": 2, "fitness": 2, "self_improvement": 1.5,
      "mental_health": 1.5,
    ],
    ["news": 2, "food": 2, "fitness": 1.5, "education": 1.5],
  ]

  /// The default spec of band `position` of the standard bands (`under_13`, `13_15`, `16_17`,
  /// `adult`); bands beyond those get the adult spec.
  public static func band(_ position: Int, topics: [String]) -> BandSpec {
    let boosts = topicBoosts[min(position, topicBoosts.count - 1)]
    let isChild = position < 3
    return BandSpec(
      share: [0.05, 0.10, 0.07, 0.78][min(position, 3)],
      lieRate: [0.6, 0.32, 0.32, 0][min(position, 3)],
      topicPriors: topics.map { boosts[$0] ?? 1 },
      interestConcentration: 0.5,
      vulnerableShare: isChild ? 0.20 : 0.17,
      sessionsPerDay: isChild ? 3 : 2,
      sessionMinutes: 15,
      // 23% of 8–12s look adult out of the 60% who lie about being 13+ (Ofcom / Yonder, 2022).
      adultDeclaredShare: position == 0 ? 0.23 / 0.6 : 1)
  }

  /// The default population of `size` people over `bands`.
  public static func population(size: Int, bands: AgeBands, taxonomy: Taxonomy) -> PopulationSpec {
    PopulationSpec(
      size: size, bands: bands,
      bandSpecs: (0..<bands.count).map { band($0, topics: taxonomy.topics) },
      ageAssurance: .selfDeclaration,
      baseSusceptibility: Array(repeating: 0, count: taxonomy.harms.count),
      vulnerableSusceptibility: Array(repeating: 1.5, count: taxonomy.harms.count),
      stickiness: Array(repeating: 0.9, count: Setting.allCases.count),
      initialFollows: 20, maximumFollows: 64, maximumDeclaredInterests: 3)
  }

  /// The default catalogue of `size` items over `taxonomy`.
  public static func catalogue(size: Int, taxonomy: Taxonomy) -> CatalogueSpec {
    CatalogueSpec(
      size: size, taxonomy: taxonomy,
      prevalence: Array(repeating: 0.005, count: taxonomy.harms.count),
      benignAppeal: 0.3, appealSpread: 0.15,
      harmAppealUplift: Array(repeating: 0.2, count: taxonomy.harms.count),
      severityRange: 0.5...1, gatewayWeight: 1, durationSeconds: 10...60,
      backCatalogueDays: 30, backCatalogueShare: 0.5, itemsPerCreator: 50)
  }

  /// The default classifier: recall 0.85 and false-positive rate 0.001 per category.
  public static func moderation(harmCount: Int) -> ModerationSpec {
    ModerationSpec(
      recall: Array(repeating: 0.85, count: harmCount),
      falsePositiveRate: Array(repeating: 0.001, count: harmCount))
  }
}
