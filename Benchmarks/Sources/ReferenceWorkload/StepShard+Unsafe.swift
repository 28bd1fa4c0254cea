import FeedSafeCore

extension StepShard {
  /// The whole-catalogue page for each user of `block`: the safe twin's sums, 16 items and 4
  /// users at a time, tile by tile.
  ///
  /// The catalogue is scanned in tiles of `tileItems` items (small enough to stay in the core's
  /// L2 cache) and every user of the block scores a tile before the next is read, so a block of
  /// users streams the catalogue once. Within a tile, each 16-item load of one topic's row feeds
  /// four users' accumulators (kept in registers), and an item is offered to the top-k only when
  /// some lane beats that user's current k-th best, so the score vector is never stored. Lane `l`
  /// of user `u`'s accumulator starts at `term[i + l]` and adds `x[t][i + l] × profile[u][t]` for
  /// t in order, and each user's items are offered in catalogue order, as the twin does, so pages
  /// are identical (the tests compare them). Safe because every load reads
  /// `t × paddedItems + i ..< + 16` with `i + 16 ≤ paddedItems` (a multiple of 16) inside
  /// `itemsByTopic` (`topics × paddedItems`) and `term` (`paddedItems`), and profile rows are read
  /// for slots below `4 × groups ≤ blockSize` inside `blockProfiles` (`blockSize × topics`); no
  /// pointer outlives its closure.
  mutating func selectCataloguePagesFast(
    block: Range<Int>, world: WorkloadWorld, terms: RankingTerms
  ) {
    let topics = world.parameters.topics
    let padded = world.paddedItems
    let groups = (block.count + 3) / 4
    precondition(
      padded % 16 == 0 && groups * 4 <= Self.blockSize, "the kernel scores 4 users × 16 items")
    top.reset()
    // local references (no copies), so the closures read them while `top` changes
    let profiles = blockProfiles
    let adultTerm = terms.adult
    let childTerm = terms.child
    world.itemsByTopic.withUnsafeBufferPointer { x in
      adultTerm.withUnsafeBufferPointer { adult in
        childTerm.withUnsafeBufferPointer { child in
          profiles.withUnsafeBufferPointer { profile in
            // every buffer is non-empty (at least 16 padded items, blockSize slots)
            guard let x = x.baseAddress, let p = profile.baseAddress, let child = child.baseAddress,
              let adult = adult.baseAddress
            else { return }
            let xs = UnsafeRawPointer(x)
            func term(_ slot: Int) -> UnsafeRawPointer {
              let user = block.lowerBound + slot
              let isChild = user < block.upperBound && world.isChild(user)
              return UnsafeRawPointer(isChild ? child : adult)
            }
            var tile = 0
            while tile < padded {
              let tileEnd = min(padded, tile + Self.tileItems)
              for group in 0..<groups {
                let s0 = 4 * group
                let (t0, t1, t2, t3) = (term(s0), term(s0 + 1), term(s0 + 2), term(s0 + 3))
                let p0 = p + s0 * topics
                let (p1, p2, p3) = (p0 + topics, p0 + 2 * topics, p0 + 3 * topics)
                var (h0, h1, h2, h3) = (
                  top.threshold(slot: s0), top.threshold(slot: s0 + 1), top.threshold(slot: s0 + 2),
                  top.threshold(slot: s0 + 3)
                )
                var item = tile
                while item < tileEnd {
                  let offset = item &* 4
                  var a0 = t0.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                  var a1 = t1.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                  var a2 = t2.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                  var a3 = t3.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                  var row = offset
                  for topic in 0..<topics {
                    let v = xs.loadUnaligned(fromByteOffset: row, as: SIMD16<Float>.self)
                    // `a += v * s`, not addProduct: without FMA in the target that is a libm call
                    a0 += v * p0[topic]
                    a1 += v * p1[topic]
                    a2 += v * p2[topic]
                    a3 += v * p3[topic]
                    row &+= padded &* 4
                  }
                  if any(a0 .> h0) { h0 = offer(s0, a0, item) }
                  if any(a1 .> h1) { h1 = offer(s0 + 1, a1, item) }
                  if any(a2 .> h2) { h2 = offer(s0 + 2, a2, item) }
                  if any(a3 .> h3) { h3 = offer(s0 + 3, a3, item) }
                  item &+= 16
                }
              }
              tile = tileEnd
            }
          }
        }
      }
    }
    let k = world.parameters.pageSize
    for slot in 0..<block.count { top.writePage(slot: slot, into: &pages, at: slot * k) }
  }

  /// The rare path: some lane beats `slot`'s k-th best; returns the new k-th best.
  @inline(never)
  private mutating func offer(_ slot: Int, _ lanes: SIMD16<Float>, _ item: Int) -> Float {
    top.offer(slot: slot, scores: lanes, firstItem: item)
    return top.threshold(slot: slot)
  }

  /// The page from `candidates` items drawn from `rng`: the safe twin's sums in SIMD lanes.
  ///
  /// Safe because a candidate index is below `items`, so its row `c × rowStride ..< + rowStride`
  /// (a multiple of 4) lies inside `itemRows`, and the user's row lies inside `profiles`.
  mutating func selectCandidatePageFast(
    slot: Int, user: Int, rng: inout RandomStream, world: WorkloadWorld, term: [Float]
  ) {
    let candidateCount = world.parameters.candidates
    let itemCount = world.parameters.items
    let rowStride = world.rowStride
    let row = (user - users.lowerBound) * rowStride
    top.reset()
    var threshold = -Float.infinity
    // local references (no copies), so the closures read them while `top` changes
    let profiles = self.profiles
    world.itemRows.withUnsafeBufferPointer { rows in
      profiles.withUnsafeBufferPointer { profile in
        term.withUnsafeBufferPointer { term in
          // both are non-empty: at least one item and one user
          guard let rows = rows.baseAddress, let profile = profile.baseAddress else { return }
          let xs = UnsafeRawPointer(rows)
          let ps = UnsafeRawPointer(profile + row)
          let rowBytes = rowStride &* 4
          // draws the candidates in pairs (the twin's order) and offers each to the top-k
          @inline(__always) func offerCandidates(scoredBy score: (Int) -> Float) {
            @inline(__always) func consider(_ item: Int) {
              let value = score(item)
              if value > threshold {
                top.replaceWeakest(slot: 0, score: value, item: item)
                threshold = top.threshold(slot: 0)
              }
            }
            for _ in 0..<candidateCount / 2 {
              let (first, second) = rng.indexPair(below: itemCount)
              consider(first)
              consider(second)
            }
            if candidateCount % 2 == 1 { consider(rng.indexPair(below: itemCount).0) }
          }
          if rowStride == 20 {
            // the peers' 20 topics: five 4-wide products summed as a tree. (Only SIMD4
            // arithmetic: `lowHalf`/`highHalf` are lane loops that LLVM splits into 2-wide ops.)
            let p0 = ps.loadUnaligned(fromByteOffset: 0, as: SIMD4<Float>.self)
            let p1 = ps.loadUnaligned(fromByteOffset: 16, as: SIMD4<Float>.self)
            let p2 = ps.loadUnaligned(fromByteOffset: 32, as: SIMD4<Float>.self)
            let p3 = ps.loadUnaligned(fromByteOffset: 48, as: SIMD4<Float>.self)
            let p4 = ps.loadUnaligned(fromByteOffset: 64, as: SIMD4<Float>.self)
            @inline(__always) func score(_ item: Int) -> Float {
              let base = item &* rowBytes
              let q0 = xs.loadUnaligned(fromByteOffset: base, as: SIMD4<Float>.self) * p0
              let q1 = xs.loadUnaligned(fromByteOffset: base &+ 16, as: SIMD4<Float>.self) * p1
              let q2 = xs.loadUnaligned(fromByteOffset: base &+ 32, as: SIMD4<Float>.self) * p2
              let q3 = xs.loadUnaligned(fromByteOffset: base &+ 48, as: SIMD4<Float>.self) * p3
              let q4 = xs.loadUnaligned(fromByteOffset: base &+ 64, as: SIMD4<Float>.self) * p4
              let lanes = ((q0 + q1) + (q2 + q3)) + q4
              return term[item] + ((lanes[0] + lanes[2]) + (lanes[1] + lanes[3]))
            }
            offerCandidates(scoredBy: score)
          } else {
            @inline(__always) func score(_ item: Int) -> Float {
              let base = item &* rowBytes
              var lanes = SIMD4<Float>.zero
              var quad = 0
              while quad < rowStride {
                let x = xs.loadUnaligned(fromByteOffset: base &+ quad &* 4, as: SIMD4<Float>.self)
                lanes += x * ps.loadUnaligned(fromByteOffset: quad &* 4, as: SIMD4<Float>.self)
                quad += 4
              }
              return term[item] + ((lanes[0] + lanes[2]) + (lanes[1] + lanes[3]))
            }
            offerCandidates(scoredBy: score)
          }
        }
      }
    }
    top.writePage(slot: 0, into: &pages, at: slot * world.parameters.pageSize)
  }
}
