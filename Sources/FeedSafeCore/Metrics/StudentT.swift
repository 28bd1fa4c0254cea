import RealModule

/// Student's t distribution: the CDF through the regularised incomplete beta function and
/// quantiles by bisection, for confidence levels other than 95% (e.g. Bonferroni-adjusted levels
/// in regression gates).
public enum StudentT {
  /// P(T ≤ t) with `degreesOfFreedom` > 0.
  public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
    let x = df / (df + t * t)
    let tail = 0.5 * regularisedIncompleteBeta(x, a: df / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The t with P(T ≤ t) = `probability`, for 0 < probability < 1.
  public static func quantile(_ probability: Double, degreesOfFreedom df: Double) -> Double {
    precondition(
      probability > 0 && probability < 1, "a quantile needs a probability strictly between 0 and 1")
    if probability < 0.5 { return -quantile(1 - probability, degreesOfFreedom: df) }
    var low = 0.0
    var high = 1.0
    while cdf(high, degreesOfFreedom: df) < probability { high *= 2 }
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if cdf(middle, degreesOfFreedom: df) < probability { low = middle } else { high = middle }
      if high - low < 1e-12 * max(1, high) { break }
    }
    return (low + high) / 2
  }

  /// I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4).
  static func regularisedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront =
      Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b) + a * Double.log(x) + b
      * Double.log(1 - x)
    let front = Double.exp(logFront)
    if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
    return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...300 {
      let m = Double(m)
      var numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + numerator * d
      if abs(d) < tiny { d = tiny }
      c = 1 + numerator / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + numerator * d
      if abs(d) < tiny { d = tiny }
      c = 1 + numerator / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      result *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return result
  }
}
