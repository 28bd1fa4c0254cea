extension Catalogue {
  /// Builds the catalogue for one seed: items, creators, embeddings, moderation labels, indexes.
  ///
  /// Every item draws from its own stream `(seed, .items, item)`, so the catalogue does not depend
  /// on the population or on any policy. `horizonDays` bounds the publication days.
  /// - Complexity: O(size × dimensions).
  public static func build(
    spec: CatalogueSpec, moderation: ModerationSpec, seed: UInt64, horizonDays: Int,
    commercialShare: Double = 0
  ) -> Catalogue {
    let taxonomy = spec.taxonomy
    let dims = taxonomy.dimensionCount
    let topicCount = taxonomy.topics.count
    var draft = ItemDraft.generate(spec: spec, seed: seed, horizonDays: horizonDays)
    let order = draft.day.indices.sorted { (draft.day[$0], $0) < (draft.day[$1], $1) }
    draft = draft.permuted(by: order)

    // Creators: one group per home (topic or harm theme), sized by that home's item count.
    let homeOf: (Int) -> Int = { i in
      draft.harm[i] >= 0 ? topicCount + Int(draft.harm[i]) : Int(draft.topic[i])
    }
    var homeCounts = [Int](repeating: 0, count: dims)
    for i in order.indices { homeCounts[homeOf(i)] += 1 }
    var creatorStart = [Int](repeating: 0, count: dims + 1)
    var creatorDimension = ContiguousArray<Int16>()
    for home in 0..<dims {
      let creators =
        homeCounts[home] == 0 ? 0 : max(1, homeCounts[home] / max(1, spec.itemsPerCreator))
      creatorStart[home + 1] = creatorStart[home] + creators
      creatorDimension.append(contentsOf: repeatElement(Int16(home), count: creators))
    }
    var creator = ContiguousArray<Int32>(repeating: 0, count: order.count)
    var predicted = ContiguousArray<Int8>(repeating: -1, count: order.count)
    // Its own stream per item, so commercial content never moves any other draw.
    let isCommercial = ContiguousArray(
      order.indices.map { i in
        var rng = RandomStream(seed: seed, purpose: .commercial, person: draft.id[i])
        return rng.bernoulli(commercialShare)
      })
    for i in order.indices {
      let home = homeOf(i)
      var rng = RandomStream(seed: seed, purpose: .creators, person: draft.id[i])
      creator[i] = Int32(
        creatorStart[home] + rng.index(below: creatorStart[home + 1] - creatorStart[home]))
      predicted[i] = Self.classify(
        harm: draft.harm[i], moderation: moderation, seed: seed, item: draft.id[i])
    }

    let dayCount = max(horizonDays, 1)
    let harm = draft.harm
    let topic = draft.topic
    let byDimension = ItemBuckets(bucketCount: dims, dayCount: dayCount, dayPublished: draft.day) {
      i in
      harm[i] >= 0 ? [Int(topic[i]), topicCount + Int(harm[i])] : [Int(topic[i])]
    }
    let byCreator = ItemBuckets(
      bucketCount: creatorDimension.count, dayCount: dayCount, dayPublished: draft.day
    ) { i in [Int(creator[i])] }
    let everything = ItemBuckets(bucketCount: 1, dayCount: dayCount, dayPublished: draft.day) { _ in
      [0]
    }
    let contentDimension = ContiguousArray(
      order.indices.map { i in
        var best = 0
        for d in 1..<dims where draft.embedding[i, d] >= draft.embedding[i, best] {
          best = d
        }
        return Int16(best)
      })
    return Catalogue(
      taxonomy: taxonomy, dimensionCount: dims, creator: creator, primaryTopic: draft.topic,
      harm: draft.harm, isCommercial: isCommercial, predictedHarm: predicted,
      severity: draft.severity, appeal: draft.appeal,
      durationSeconds: draft.duration, dayPublished: draft.day, embedding: draft.embedding,
      contentDimension: contentDimension,
      creatorCount: creatorDimension.count, byDimension: byDimension, byCreator: byCreator,
      everything: everything, creatorDimension: creatorDimension)
  }

  /// The moderation classifier's label: the true category with probability `recall`, and for a
  /// benign item a false positive of category `h` with probability `falsePositiveRate[h]` (tried
  /// in taxonomy order, first hit wins). One draw stream per item, so labels never depend on order.
  static func classify(harm: Int8, moderation: ModerationSpec, seed: UInt64, item: Int) -> Int8 {
    var rng = RandomStream(seed: seed, purpose: .moderation, person: item)
    if harm >= 0 { return rng.bernoulli(moderation.recall[Int(harm)]) ? harm : -1 }
    for (category, rate) in moderation.falsePositiveRate.enumerated() where rng.bernoulli(rate) {
      return Int8(category)
    }
    return -1
  }
}

/// Item attributes before sorting by publication day and assigning creators.
private struct ItemDraft {
  var id: [Int] = []
  var topic = ContiguousArray<Int16>()
  var harm = ContiguousArray<Int8>()
  var severity = ContiguousArray<Float>()
  var appeal = ContiguousArray<Float>()
  var duration = ContiguousArray<Int32>()
  var day = ContiguousArray<Int32>()
  var embedding = VectorRows(width: 0)
  var dims = 0

  static func generate(spec: CatalogueSpec, seed: UInt64, horizonDays: Int) -> ItemDraft {
    let taxonomy = spec.taxonomy
    let topicCount = taxonomy.topics.count
    var draft = ItemDraft()
    draft.dims = taxonomy.dimensionCount
    draft.embedding = VectorRows(width: draft.dims)
    draft.embedding.values.reserveCapacity(spec.size * draft.dims)
    for i in 0..<spec.size {
      var rng = RandomStream(seed: seed, purpose: .items, person: i)
      var category = -1
      var roll = rng.uniform()
      for (h, share) in spec.prevalence.enumerated() {
        if roll < share { category = h; break }
        roll -= share
      }
      var vector = [Float](repeating: 0, count: draft.dims)
      let topic: Int
      if category >= 0 {
        let gateways = taxonomy.harms[category].gatewayTopics
        topic =
          gateways.isEmpty
          ? rng.index(below: topicCount) : gateways[rng.index(below: gateways.count)].position
        vector[topicCount + category] = 1
        vector[topic] = Float(spec.gatewayWeight)
      } else {
        topic = rng.index(below: topicCount)
        vector[topic] = 1
        let secondary = rng.index(below: topicCount)
        if secondary != topic { vector[secondary] = Float(0.5 * rng.uniform()) }
      }
      var norm: Float = 0
      for x in vector { norm += x * x }
      norm = norm.squareRoot()
      draft.embedding.append(row: vector.map { $0 / norm })
      let uplift = category >= 0 ? spec.harmAppealUplift[category] : 0
      let appeal = spec.benignAppeal + uplift + spec.appealSpread * rng.normal()
      draft.appeal.append(Float(min(1, max(0, appeal))))
      let severity =
        spec.severityRange.lowerBound
        + (spec.severityRange.upperBound - spec.severityRange.lowerBound) * rng.uniform()
      draft.severity.append(category >= 0 ? Float(severity) : 0)
      let span = spec.durationSeconds.upperBound - spec.durationSeconds.lowerBound + 1
      draft.duration.append(Int32(spec.durationSeconds.lowerBound + rng.index(below: span)))
      let published =
        rng.bernoulli(spec.backCatalogueShare) || horizonDays == 0
        ? -1 - rng.index(below: max(1, spec.backCatalogueDays))
        : rng.index(below: horizonDays)
      draft.day.append(Int32(published))
      draft.topic.append(Int16(topic))
      draft.harm.append(Int8(category))
      draft.id.append(i)
    }
    return draft
  }

  func permuted(by order: [Int]) -> ItemDraft {
    var result = ItemDraft()
    result.dims = dims
    result.id = order.map { id[$0] }
    result.topic = ContiguousArray(order.map { topic[$0] })
    result.harm = ContiguousArray(order.map { harm[$0] })
    result.severity = ContiguousArray(order.map { severity[$0] })
    result.appeal = ContiguousArray(order.map { appeal[$0] })
    result.duration = ContiguousArray(order.map { duration[$0] })
    result.day = ContiguousArray(order.map { day[$0] })
    result.embedding = VectorRows(width: dims)
    result.embedding.values.reserveCapacity(embedding.values.count)
    for i in order { result.embedding.append(row: embedding.row(i)) }
    return result
  }
}
