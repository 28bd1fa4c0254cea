import FeedSafeCore

/// The reference workload's items and users, generated as `make_world` in
/// `shared/peers/workload.py` does, from FeedSafe's own random streams.
///
/// The distributions are the peers' (Dirichlet topic mixtures, Beta appeal, a gateway topic for
/// each harm category, a moderation label with the given recall and false-positive rate, children
/// first); the draws are not, so FeedSafe and the peers agree statistically, not bit for bit.
/// Item vectors are stored twice: row-major with rows padded to `rowStride` floats (for scoring
/// candidates and for choice and drift), and topic-major with the catalogue padded to
/// `paddedItems` (for scoring the whole catalogue 16 items at a time). Padding is zero.
public struct WorkloadWorld: Sendable {
  /// The parameters the world was generated from.
  public let parameters: WorkloadParameters
  /// Floats per item or user row: `topics` rounded up to a multiple of 4.
  public let rowStride: Int
  /// The catalogue size rounded up to a multiple of 16.
  public let paddedItems: Int
  /// `items × rowStride`, unit-length item vectors.
  public let itemRows: [Float]
  /// `topics × paddedItems`, the same vectors topic by topic.
  public let itemsByTopic: [Float]
  /// Appeal (predicted engagement) per item.
  public let appeal: [Float]
  /// The true harm category per item, -1 for benign items.
  public let harmCategory: [Int8]
  /// Whether the moderation classifier labels the item harmful.
  public let isPredictedHarmful: [Bool]
  /// Susceptibility to harmful content per user (children × 1.5).
  public let susceptibility: [Float]
  /// `users × rowStride`: true interests at step 0.
  public let initialInterests: [Float]
  /// `users × rowStride`: the platform's profile at step 0.
  public let initialProfiles: [Float]

  /// Generates the world for `parameters.seed`.
  public init(parameters: WorkloadParameters) {
    self.parameters = parameters
    let topics = parameters.topics
    rowStride = (topics + 3) / 4 * 4
    paddedItems = (parameters.items + 15) / 16 * 16
    let items = ItemDraws(parameters: parameters, rowStride: rowStride)
    itemRows = items.rows
    appeal = items.appeal
    harmCategory = items.harmCategory
    isPredictedHarmful = items.isPredictedHarmful
    var byTopic = [Float](repeating: 0, count: topics * paddedItems)
    for item in 0..<parameters.items {
      for topic in 0..<topics {
        byTopic[topic * paddedItems + item] = itemRows[item * rowStride + topic]
      }
    }
    itemsByTopic = byTopic
    let users = UserDraws(parameters: parameters, rowStride: rowStride)
    susceptibility = users.susceptibility
    initialInterests = users.interests
    initialProfiles = users.profiles
  }

  /// Whether `user` is a child (children come first).
  public func isChild(_ user: Int) -> Bool { user < parameters.childCount }
}

/// Scales `row[0..<count]` of `values` to unit length.
private func normalise(_ values: inout [Float], row: Int, stride: Int, count: Int) {
  var sum = 0.0
  for t in 0..<count { sum += Double(values[row * stride + t]) * Double(values[row * stride + t]) }
  let norm = sum.squareRoot()
  guard norm > 0 else { return }
  for t in 0..<count { values[row * stride + t] = Float(Double(values[row * stride + t]) / norm) }
}

/// A Dirichlet draw with every concentration equal to `alpha`, by normalised Gamma draws.
private func dirichlet(_ count: Int, alpha: Double, rng: inout RandomStream) -> [Double] {
  var draws = (0..<count).map { _ in rng.gamma(shape: alpha) }
  let total = draws.reduce(0, +)
  if total > 0 {
    for t in draws.indices { draws[t] /= total }
  } else {
    draws[rng.index(below: count)] = 1  // every Gamma(alpha) underflowed: all mass on one topic
  }
  return draws
}

/// Items: primary topic, Dirichlet mixture, gateway lean of harmful items, appeal, label.
private struct ItemDraws {
  var rows: [Float]
  var appeal: [Float]
  var harmCategory: [Int8]
  var isPredictedHarmful: [Bool]

  init(parameters p: WorkloadParameters, rowStride: Int) {
    var rng = RandomStream(seed: p.seed, purpose: .referenceWorld, person: 0, day: 0)
    let benign = p.benignTopics
    let benignShare = (1 - p.harmShare) / Double(benign)
    let harmShare = p.harmShare / Double(p.harmTopics)
    let gateway = (0..<p.harmTopics).map { _ in rng.index(below: benign) }
    rows = [Float](repeating: 0, count: p.items * rowStride)
    appeal = []
    harmCategory = []
    isPredictedHarmful = []
    appeal.reserveCapacity(p.items)
    for item in 0..<p.items {
      var u = rng.uniform()
      var primary = p.topics - 1
      for topic in 0..<p.topics {
        u -= topic < benign ? benignShare : harmShare
        if u < 0 {
          primary = topic
          break
        }
      }
      var vector = dirichlet(p.topics, alpha: 0.1, rng: &rng).map { 0.2 * $0 }
      vector[primary] += 0.8
      let category = primary >= benign ? primary - benign : -1
      if category >= 0 { vector[gateway[category]] += 0.4 }
      for topic in 0..<p.topics { rows[item * rowStride + topic] = Float(vector[topic]) }
      normalise(&rows, row: item, stride: rowStride, count: p.topics)
      let isHarmful = category >= 0
      let beta2 = rng.gamma(shape: 2)
      let beta5 = rng.gamma(shape: 5)
      appeal.append(Float(beta2 / (beta2 + beta5) + (isHarmful ? 0.1 : 0)))
      harmCategory.append(Int8(category))
      let label = rng.uniform()
      isPredictedHarmful.append(isHarmful ? label < p.recall : label < p.falsePositiveRate)
    }
  }
}

/// Users: susceptibility, benign interests, a latent harm interest for some, the noisy profile.
private struct UserDraws {
  var susceptibility: [Float] = []
  var interests: [Float]
  var profiles: [Float]

  init(parameters p: WorkloadParameters, rowStride: Int) {
    var rng = RandomStream(seed: p.seed, purpose: .referenceWorld, person: 0, day: 1)
    let benign = p.benignTopics
    interests = [Float](repeating: 0, count: p.users * rowStride)
    profiles = interests
    for user in 0..<p.users {
      let base = user < p.childCount ? 1.5 : 1.0
      susceptibility.append(Float(base * (0.5 + rng.uniform())))
      let mixture = dirichlet(benign, alpha: 0.3, rng: &rng)
      for topic in 0..<p.topics {
        interests[user * rowStride + topic] = topic < benign ? Float(mixture[topic]) : 0.02
      }
      if rng.uniform() < p.harmInterestShare {
        interests[user * rowStride + benign + rng.index(below: p.harmTopics)] = 0.3
      }
      normalise(&interests, row: user, stride: rowStride, count: p.topics)
      for topic in 0..<p.topics {
        let noise = Float(0.1 * rng.uniform())
        profiles[user * rowStride + topic] = interests[user * rowStride + topic] + noise
      }
      normalise(&profiles, row: user, stride: rowStride, count: p.topics)
    }
  }
}
