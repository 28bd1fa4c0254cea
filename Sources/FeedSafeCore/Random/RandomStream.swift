import RealModule

/// A deterministic random stream keyed by (seed, purpose, person, day).
///
/// Keys are mixed SplitMix64-style into one 64-bit seed for a ``Xoshiro256StarStar``; the same key
/// always yields the same draws, whatever the thread or shard that asks, which is what makes
/// results bit-identical for any thread count. Doubles, integers and normals are derived here
/// from raw bits, never from the standard library's `random(in:)`, whose algorithms are not
/// documented as stable across Swift versions.
public struct RandomStream: Sendable {
  @usableFromInline var generator: Xoshiro256StarStar

  /// The stream for one draw site. `person` and `day` are 0 where they do not apply.
  @inlinable
  public init(seed: UInt64, purpose: StreamPurpose, person: Int = 0, day: Int = 0) {
    var key = SplitMix64.mix(seed ^ 0x5EED_F00D_CAFE_BABE)
    key = SplitMix64.mix(key ^ (purpose.rawValue &* 0x9E37_79B9_7F4A_7C15))
    key = SplitMix64.mix(key ^ (UInt64(truncatingIfNeeded: person) &* 0xD1B5_4A32_D192_ED03))
    key = SplitMix64.mix(key ^ (UInt64(truncatingIfNeeded: day) &* 0x8CB9_2BA7_2F3D_8DD7))
    generator = Xoshiro256StarStar(seed: key)
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func nextBits() -> UInt64 { generator.next() }

  /// A uniform double in [0, 1) with 53 random bits.
  @inlinable
  public mutating func uniform() -> Double {
    Double(generator.next() >> 11) * 0x1.0p-53
  }

  /// `true` with probability `p` (clamped to [0, 1]).
  public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

  /// A uniform integer in `0..<bound` (Lemire's multiply-shift; bias < 2⁻³² for our bounds).
  @inlinable
  public mutating func index(below bound: Int) -> Int {
    precondition(bound > 0, "index(below:) needs a positive bound")
    let product = generator.next().multipliedFullWidth(by: UInt64(bound))
    return Int(product.high)
  }

  /// A standard normal draw (Box–Muller, one of the pair).
  public mutating func normal() -> Double {
    let u1 = max(uniform(), 0x1.0p-53)
    let u2 = uniform()
    return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
  }

  /// A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by the boost u^(1/shape)).
  public mutating func gamma(shape: Double) -> Double {
    precondition(shape > 0, "gamma shape must be positive")
    if shape < 1 {
      let boost = Double.pow(max(uniform(), 0x1.0p-53), 1 / shape)
      return gamma(shape: shape + 1) * boost
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x = 0.0
      var v = 0.0
      repeat {
        x = normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = uniform()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if Double.log(max(u, 0x1.0p-53)) < 0.5 * x * x + d * (1 - v + Double.log(v)) { return d * v }
    }
  }

  /// A Poisson draw with the given mean (Knuth's product method; our means are small).
  public mutating func poisson(mean: Double) -> Int {
    guard mean > 0 else { return 0 }
    if mean > 30 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
    let limit = Double.exp(-mean)
    var count = 0
    var product = uniform()
    while product > limit {
      count += 1
      product *= uniform()
    }
    return count
  }
}
