/// How a synthetic content catalogue is built. Defaults and their sources are in `docs/model.md`.
public struct CatalogueSpec: Sendable, Equatable {
  /// Number of organic items.
  public var size: Int
  /// Benign topics and harm categories.
  public var taxonomy: Taxonomy
  /// Share of items in each harm category (true label), in taxonomy order.
  public var prevalence: [Double]
  /// Mean appeal of a benign item, in [0, 1].
  public var benignAppeal: Double
  /// Spread (standard deviation) of appeal around its mean.
  public var appealSpread: Double
  /// Appeal added to a harmful item, per harm category (harmful content may be more engaging).
  public var harmAppealUplift: [Double]
  /// Lowest and highest severity of a harmful item, in [0, 1]; drawn uniformly.
  public var severityRange: ClosedRange<Double>
  /// Weight of a harmful item's gateway topic in its embedding, relative to its harm theme (1).
  public var gatewayWeight: Double
  /// Shortest and longest item, in seconds; drawn uniformly.
  public var durationSeconds: ClosedRange<Int>
  /// Days of back catalogue published before day 0; the rest is published during the horizon.
  public var backCatalogueDays: Int
  /// Share of items published before day 0.
  public var backCatalogueShare: Double
  /// Mean number of items per creator.
  public var itemsPerCreator: Int

  /// A catalogue spec with every attribute given.
  public init(
    size: Int, taxonomy: Taxonomy, prevalence: [Double], benignAppeal: Double, appealSpread: Double,
    harmAppealUplift: [Double], severityRange: ClosedRange<Double>, gatewayWeight: Double,
    durationSeconds: ClosedRange<Int>, backCatalogueDays: Int, backCatalogueShare: Double,
    itemsPerCreator: Int
  ) {
    self.size = size
    self.taxonomy = taxonomy
    self.prevalence = prevalence
    self.benignAppeal = benignAppeal
    self.appealSpread = appealSpread
    self.harmAppealUplift = harmAppealUplift
    self.severityRange = severityRange
    self.gatewayWeight = gatewayWeight
    self.durationSeconds = durationSeconds
    self.backCatalogueDays = backCatalogueDays
    self.backCatalogueShare = backCatalogueShare
    self.itemsPerCreator = itemsPerCreator
  }
}

/// The platform's per-category harm classifier (the moderation spec).
public struct ModerationSpec: Sendable, Equatable {
  /// Probability that a harmful item of each category is labelled with its category.
  public var recall: [Double]
  /// Probability that a benign item is wrongly labelled with each category (tried in order).
  public var falsePositiveRate: [Double]

  /// A classifier with the given per-category recall and false-positive rate.
  public init(recall: [Double], falsePositiveRate: [Double]) {
    self.recall = recall
    self.falsePositiveRate = falsePositiveRate
  }
}
