extension FeedPipeline {
  /// Step 4: fills ``page`` slot by slot with the best-scored candidate not yet placed that keeps the
  /// policy's caps (highest score first, lower item row on ties, so the order never depends on
  /// how candidates were drawn): at most `maximumHarmfulPerPage` items *predicted* harmful, and no
  /// more than `maximumSameTopicInRow` consecutive items of one topic. A candidate that would break
  /// a cap is deferred to a later slot, not dropped, as diversity re-rankers do (dropping it
  /// emptied pages and pulled in lower-ranked candidates: `docs/feeds.md`). With probability
  /// `feed.exploration` a slot shows the best remaining candidate of the `random` source instead
  /// of the best overall (exploration); policy filters and caps apply to it all the same.
  /// - Complexity: O(page size × candidates) comparisons over one small array; candidate lists are
  ///   short (tens of items).
  mutating func assemblePage(feed: FeedDefinition, policy: BandPolicy, rng: inout RandomStream) {
    page.removeAll(keepingCapacity: true)
    pageSources.removeAll(keepingCapacity: true)
    var caps = PageCaps(
      harmful: policy.maximumHarmfulPerPage ?? Int.max,
      sameTopicInRow: policy.maximumSameTopicInRow ?? Int.max)
    while page.count < feed.pageSize {
      let explores = feed.exploration > 0 && rng.bernoulli(feed.exploration)
      var chosen = explores ? bestCandidate(exploreOnly: true, caps: caps) : -1
      // An exploration slot with no eligible `random` candidate shows the best one overall.
      if chosen < 0 { chosen = bestCandidate(exploreOnly: false, caps: caps) }
      guard chosen >= 0 else { break }
      candidates[chosen].isPlaced = true
      let candidate = candidates[chosen]
      caps.place(topic: candidate.topic, isPredictedHarmful: candidate.isPredictedHarmful)
      page.append(candidate.item)
      pageSources.append(candidate.source)
    }
  }

  /// The position of the best candidate not yet placed that `caps` allow (among the `random`
  /// source's only when `exploreOnly`), or `-1`.
  private func bestCandidate(exploreOnly: Bool, caps: PageCaps) -> Int {
    var best = -1
    var bestScore: Float = 0
    var bestItem: Int32 = 0
    for position in candidates.indices {
      let candidate = candidates[position]
      guard !candidate.isPlaced, !exploreOnly || candidate.isExplore,
        caps.allows(topic: candidate.topic, isPredictedHarmful: candidate.isPredictedHarmful)
      else { continue }
      if best < 0 || candidate.score > bestScore
        || (candidate.score == bestScore && candidate.item < bestItem)
      {
        best = position
        bestScore = candidate.score
        bestItem = candidate.item
      }
    }
    return best
  }
}

/// The policy's page caps and what the page placed so far uses of them.
struct PageCaps {
  let harmful: Int
  let sameTopicInRow: Int
  private var harmfulOnPage = 0
  private var lastTopic: Int16 = -1
  private var run = 0

  init(harmful: Int, sameTopicInRow: Int) {
    self.harmful = harmful
    self.sameTopicInRow = sameTopicInRow
  }

  /// Whether an item of `topic` may be placed next.
  @inline(__always)
  func allows(topic: Int16, isPredictedHarmful: Bool) -> Bool {
    !(isPredictedHarmful && harmfulOnPage >= harmful)
      && !(topic == lastTopic && run >= sameTopicInRow)
  }

  /// Records an item placed next.
  mutating func place(topic: Int16, isPredictedHarmful: Bool) {
    run = topic == lastTopic ? run + 1 : 1
    lastTopic = topic
    if isPredictedHarmful { harmfulOnPage += 1 }
  }
}
