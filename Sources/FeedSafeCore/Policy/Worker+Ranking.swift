extension Worker {
  /// Sorts the scored candidates (highest score first, lower item row on ties, so the order never
  /// depends on how candidates were drawn) and fills the page top-down, skipping items that would
  /// break the policy's caps: at most `maximumHarmfulPerPage` items *predicted* harmful, and no more
  /// than `maximumSameTopicInRow` consecutive items of one topic.
  /// - Complexity: O(candidates²) insertion sort; candidate lists are short (tens of items).
  mutating func rankIntoPage(feed: FeedDefinition, policy: BandPolicy, context: ArmContext) {
    let catalogue = context.world.catalogue
    let count = scratch.candidates.count
    var i = 1
    while i < count {
      let item = scratch.candidates[i]
      let score = scratch.scores[i]
      var j = i - 1
      while j >= 0
        && (scratch.scores[j] < score
          || (scratch.scores[j] == score && scratch.candidates[j] > item))
      {
        scratch.candidates[j + 1] = scratch.candidates[j]
        scratch.scores[j + 1] = scratch.scores[j]
        j -= 1
      }
      scratch.candidates[j + 1] = item
      scratch.scores[j + 1] = score
      i += 1
    }
    scratch.page.removeAll(keepingCapacity: true)
    let harmfulCap = policy.maximumHarmfulPerPage ?? Int.max
    let runCap = policy.maximumSameTopicInRow ?? Int.max
    var harmfulOnPage = 0
    var lastTopic: Int16 = -1
    var run = 0
    for position in 0..<count where scratch.page.count < feed.pageSize {
      let item = Int(scratch.candidates[position])
      let predictedHarmful = catalogue.predictedHarm[item] >= 0
      if predictedHarmful && harmfulOnPage >= harmfulCap { continue }
      let topic = catalogue.primaryTopic[item]
      if topic == lastTopic && run >= runCap { continue }
      run = topic == lastTopic ? run + 1 : 1
      lastTopic = topic
      if predictedHarmful { harmfulOnPage += 1 }
      scratch.page.append(Int32(item))
    }
  }
}
