/// SplitMix64 (Steele, Lea & Flood 2014): a tiny generator used to derive and seed streams.
///
/// Chosen because its output function is a strong 64-bit mixer, so nearby keys
/// (seed, purpose, person, day) give unrelated streams. Golden value: seeded with 1234567,
/// the first output is 6457827717110365317.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The generator's whole state; advances by the golden-ratio increment per draw.
  public var state: UInt64 { bits }
  @usableFromInline var bits: UInt64

  /// A generator starting at `seed`.
  @inlinable public init(seed: UInt64) { bits = seed }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    bits &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(bits)
  }

  /// The SplitMix64 finaliser: a bijective mix of 64 bits.
  @inlinable
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
