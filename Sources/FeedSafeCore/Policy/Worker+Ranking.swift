extension Worker {
  /// Sorts the scored candidates (highest score first, lower item row on ties, so the order never
  /// depends on how candidates were drawn) and fills the page slot by slot with the best candidate
  /// not yet placed that keeps the policy's caps: at most `maximumHarmfulPerPage` items *predicted*
  /// harmful, and no more than `maximumSameTopicInRow` consecutive items of one topic. A candidate
  /// that would break a cap is deferred to a later slot, not dropped, as diversity re-rankers do
  /// (dropping it emptied pages and pulled in lower-ranked candidates: `docs/feeds.md`). With probability
  /// `feed.exploration` a slot shows the best remaining candidate of the `random` source instead
  /// of the best overall (exploration); policy filters and caps apply to it all the same.
  /// - Complexity: O(candidates²) insertion sort and O(page size × candidates) assembly;
  ///   candidate lists are short (tens of items).
  mutating func rankIntoPage(
    feed: FeedDefinition, policy: BandPolicy, context: ArmContext, rng: inout RandomStream
  ) {
    let catalogue = context.world.catalogue
    let count = scratch.candidates.count
    var i = 1
    while i < count {
      let item = scratch.candidates[i]
      let score = scratch.scores[i]
      let explore = scratch.isExplore[i]
      var j = i - 1
      while j >= 0
        && (scratch.scores[j] < score
          || (scratch.scores[j] == score && scratch.candidates[j] > item))
      {
        scratch.candidates[j + 1] = scratch.candidates[j]
        scratch.scores[j + 1] = scratch.scores[j]
        scratch.isExplore[j + 1] = scratch.isExplore[j]
        j -= 1
      }
      scratch.candidates[j + 1] = item
      scratch.scores[j + 1] = score
      scratch.isExplore[j + 1] = explore
      i += 1
    }
    scratch.page.removeAll(keepingCapacity: true)
    let harmfulCap = policy.maximumHarmfulPerPage ?? Int.max
    let runCap = policy.maximumSameTopicInRow ?? Int.max
    var harmfulOnPage = 0
    var lastTopic: Int16 = -1
    var run = 0
    // A candidate is placed at most once: placed ones carry `placedStamp`.
    scratch.pageStamp &+= 1
    let placedStamp = scratch.pageStamp
    while scratch.page.count < feed.pageSize {
      let explores = feed.exploration > 0 && rng.bernoulli(feed.exploration)
      var chosen = -1
      // First pass: an exploration slot looks among the `random` source's candidates; second
      // pass (or an exploration slot that found none): the best remaining candidate.
      for pass in 0..<2 where chosen < 0 && (pass == 1 || explores) {
        let exploreOnly = pass == 0
        var position = 0
        while position < count {
          let item = Int(scratch.candidates[position])
          if scratch.stamps[item].page != placedStamp
            && (!exploreOnly || scratch.isExplore[position])
          {
            let predictedHarmful = catalogue.predictedHarm[item] >= 0
            let topic = catalogue.primaryTopic[item]
            if !(predictedHarmful && harmfulOnPage >= harmfulCap)
              && !(topic == lastTopic && run >= runCap)
            {
              chosen = position
              break
            }
          }
          position += 1
        }
      }
      guard chosen >= 0 else { break }
      let item = Int(scratch.candidates[chosen])
      let topic = catalogue.primaryTopic[item]
      run = topic == lastTopic ? run + 1 : 1
      lastTopic = topic
      if catalogue.predictedHarm[item] >= 0 { harmfulOnPage += 1 }
      scratch.stamps[item].page = placedStamp
      scratch.page.append(Int32(item))
    }
  }
}
