/// The content catalogue, one column per attribute; row `i` is `ItemIndex(i)`.
///
/// Built once per seed from ``CatalogueSpec`` and shared read-only by every arm (common random
/// numbers). Items are sorted by the day they are published, so "every item published by day d"
/// is a prefix of each index.
public struct Catalogue: Sendable {
  /// The taxonomy the embeddings span.
  public let taxonomy: Taxonomy
  /// Embedding dimensions (topics + harm themes).
  public let dimensionCount: Int
  /// The creator of each item.
  public internal(set) var creator: ContiguousArray<Int32>
  /// Primary benign topic of each item; for a harmful item, the gateway topic it sits near.
  public internal(set) var primaryTopic: ContiguousArray<Int16>
  /// True harm category of each item (`-1`: benign).
  public internal(set) var harm: ContiguousArray<Int8>
  /// Whether each item is unlabelled commercial content (ranked like any item; not an ad).
  public internal(set) var isCommercial: ContiguousArray<Bool>
  /// The moderation classifier's label of each item (`-1`: predicted benign).
  public internal(set) var predictedHarm: ContiguousArray<Int8>
  /// Severity in [0, 1] (0 for benign items).
  public internal(set) var severity: ContiguousArray<Float>
  /// Appeal in [0, 1]: how engaging the item is to anyone.
  public internal(set) var appeal: ContiguousArray<Float>
  /// Duration in seconds.
  public internal(set) var durationSeconds: ContiguousArray<Int32>
  /// Day published (negative: back catalogue).
  public internal(set) var dayPublished: ContiguousArray<Int32>
  /// Unit-length, non-negative embeddings, one row of `dimensionCount` per item.
  public internal(set) var embedding: VectorRows
  /// The strongest dimension of each item's embedding (ties: the later, so a harmful item's
  /// theme wins over its gateway): what the platform's content understanding says it is about.
  public internal(set) var contentDimension: ContiguousArray<Int16>
  /// Number of creators; creator ids are `0..<creatorCount`.
  public internal(set) var creatorCount: Int
  /// Items near each embedding dimension (benign by topic; harmful by gateway topic and theme).
  public internal(set) var byDimension: ItemBuckets
  /// Items of each creator.
  public internal(set) var byCreator: ItemBuckets
  /// Every item, in one bucket.
  public internal(set) var everything: ItemBuckets
  /// Home dimension of each creator (its topic, or its harm theme for harmful creators).
  public internal(set) var creatorDimension: ContiguousArray<Int16>

  /// Number of items.
  public var count: Int { harm.count }
  /// Whether item `i` is truly harmful.
  @inlinable public func isHarmful(_ item: Int) -> Bool { harm[item] >= 0 }

  /// What a "not interested" on `item` suppresses, as an embedding dimension (one bit of a
  /// person's mask): the predicted harm category's theme where the classifier labelled the item,
  /// otherwise the item's own strongest embedding dimension, i.e. its near neighbours in the
  /// platform's content understanding. Never the gateway topic of an unlabelled item: the
  /// platform cannot see that the item was harmful, only what it is about, so a missed item
  /// suppresses the same neighbourhood a labelled one would and a higher recall cannot widen or
  /// narrow what feedback removes (`docs/model.md`, "Not interested").
  @inline(__always)
  func notInterestedDimension(of item: Int) -> Int {
    Self.notInterestedDimension(
      predicted: Int(predictedHarm[item]), content: Int(contentDimension[item]),
      topicCount: taxonomy.topics.count)
  }

  /// ``notInterestedDimension(of:)`` from an item's predicted label and content dimension.
  @inline(__always)
  static func notInterestedDimension(predicted: Int, content: Int, topicCount: Int) -> Int {
    predicted >= 0 ? topicCount + predicted : content
  }
}

/// Lists of items, one list per key (dimension, creator, …), each sorted by publication day, with
/// a per-day prefix length so the items published by a day are a prefix. Compressed rows (CSR).
public struct ItemBuckets: Sendable {
  /// Start of each bucket in `items`; bucket `b` is `items[offsets[b]..<offsets[b + 1]]`.
  public let offsets: ContiguousArray<Int32>
  /// Item rows, bucket after bucket.
  public let items: ContiguousArray<Int32>
  /// `publishedBy[b * dayCount + d]`: how many items of bucket `b` are published by horizon day `d`.
  public let publishedBy: ContiguousArray<Int32>
  /// Horizon days covered by `publishedBy`.
  public let dayCount: Int

  /// Buckets from each item's keys; `dayPublished` must be non-decreasing in item order.
  init(bucketCount: Int, dayCount: Int, dayPublished: ContiguousArray<Int32>, keys: (Int) -> [Int])
  {
    var counts = ContiguousArray<Int32>(repeating: 0, count: bucketCount + 1)
    for item in dayPublished.indices { for key in keys(item) { counts[key + 1] += 1 } }
    for b in 0..<bucketCount { counts[b + 1] += counts[b] }
    var cursor = counts
    var items = ContiguousArray<Int32>(repeating: 0, count: Int(counts[bucketCount]))
    for item in dayPublished.indices {
      for key in keys(item) {
        items[Int(cursor[key])] = Int32(item)
        cursor[key] += 1
      }
    }
    var published = ContiguousArray<Int32>(repeating: 0, count: bucketCount * dayCount)
    for b in 0..<bucketCount {
      var end = Int(counts[b])
      for day in 0..<dayCount {
        while end < Int(counts[b + 1]) && Int(dayPublished[Int(items[end])]) <= day { end += 1 }
        published[b * dayCount + day] = Int32(end - Int(counts[b]))
      }
    }
    offsets = counts
    self.items = items
    publishedBy = published
    self.dayCount = dayCount
  }

  /// Number of items in bucket `bucket` published by `day`.
  @inlinable public func publishedCount(_ bucket: Int, by day: Int) -> Int {
    Int(publishedBy[bucket * dayCount + min(day, dayCount - 1)])
  }

  /// The `position`-th item of bucket `bucket`.
  @inlinable public func item(_ bucket: Int, at position: Int) -> Int {
    Int(items[entry(bucket, at: position)])
  }

  /// Where the `position`-th item of bucket `bucket` is in ``items``.
  @inlinable public func entry(_ bucket: Int, at position: Int) -> Int {
    Int(offsets[bucket]) + position
  }
}
