/// How a harm category is regulated: the UK Online Safety Act's two tiers of content harmful to
/// children (s.61 primary priority content, s.62 priority content).
public enum HarmTier: String, Sendable, CaseIterable {
  /// Children must be prevented from encountering it (suicide, self-harm, eating disorders, porn).
  case primaryPriority = "primary_priority"
  /// Children must be protected from it (abuse, bullying, violence, …).
  case priority
}

/// One harm category and where it sits in the embedding space.
public struct HarmCategory: Sendable, Equatable {
  /// The category's name as scenarios and metrics spell it (`self_harm`).
  public var name: String
  /// Its Online Safety Act tier.
  public var tier: HarmTier
  /// Benign topics a harmful item of this category sits near (eating_disorder ← fitness, …).
  public var gatewayTopics: [TopicIndex]

  /// A category named `name` in `tier` with the given gateway topics.
  public init(name: String, tier: HarmTier, gatewayTopics: [TopicIndex]) {
    self.name = name
    self.tier = tier
    self.gatewayTopics = gatewayTopics
  }
}

/// The benign topics and harm categories of a scenario, and the embedding dimensions they span.
///
/// Dimension `t` is topic `t`; dimension `topics.count + h` is harm theme `h`.
public struct Taxonomy: Sendable, Equatable {
  /// Benign topic names.
  public var topics: [String]
  /// Harm categories.
  public var harms: [HarmCategory]

  /// A taxonomy of `topics` and `harms`.
  public init(topics: [String], harms: [HarmCategory]) {
    self.topics = topics
    self.harms = harms
  }

  /// Embedding dimensions: one per topic and one per harm theme.
  public var dimensionCount: Int { topics.count + harms.count }
  /// The embedding dimension of a topic.
  public func dimension(of topic: TopicIndex) -> Int { topic.position }
  /// The embedding dimension of a harm theme.
  public func dimension(of harm: HarmIndex) -> Int { topics.count + harm.position }
  /// Every harm category index.
  public var harmIndices: [HarmIndex] { harms.indices.map(HarmIndex.init) }
  /// Every topic index.
  public var topicIndices: [TopicIndex] { topics.indices.map(TopicIndex.init) }
}
