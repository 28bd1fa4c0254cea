/// The per-item part of a step's ranking score, for adults and for children.
///
/// `adult[i] = rankingAppealWeight × appeal_i + rankingPopularityWeight × pop_i`, where `pop` is
/// the previous step's engagements divided by the largest count (at least 1): the peers' day-
/// boundary popularity. Children's list adds -1e9 on items the moderation classifier labels
/// harmful (the policy filter). Both are `paddedItems` long; padding is -infinity, so padding
/// items never reach a page.
struct RankingTerms: Sendable {
  var adult: [Float]
  var child: [Float]

  init(world: WorkloadWorld) {
    adult = [Float](repeating: -.infinity, count: world.paddedItems)
    child = adult
  }

  /// Recomputes both lists from last step's engagement counts.
  mutating func update(world: WorkloadWorld, popularity: [Int32]) {
    let p = world.parameters
    let most = Float(max(1, popularity.max() ?? 0))
    for item in 0..<p.items {
      let term =
        p.rankingAppealWeight * world.appeal[item] + p.rankingPopularityWeight
        * (Float(popularity[item]) / most)
      adult[item] = term
      child[item] = world.isPredictedHarmful[item] ? term + -1e9 : term
    }
  }
}
