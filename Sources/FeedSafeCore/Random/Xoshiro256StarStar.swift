/// xoshiro256** (Blackman & Vigna 2018): the workhorse generator behind every ``RandomStream``.
///
/// Fast, 256 bits of state, passes BigCrush; seeded through ``SplitMix64`` as its authors advise.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  // @usableFromInline so that other modules (the benchmarks' reference workload) inline draws
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// A generator whose four state words come from SplitMix64 seeded with `seed`.
  @inlinable
  public init(seed: UInt64) {
    var seeder = SplitMix64(seed: seed)
    s0 = seeder.next()
    s1 = seeder.next()
    s2 = seeder.next()
    s3 = seeder.next()
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  @inlinable
  func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
