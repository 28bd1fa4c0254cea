import FeedSafeCore

/// A ``RankingRequest`` as one protocol line. Every `Float` is written in Swift's shortest
/// representation that reads back as the same `Float` (`0.1`, `1e-05`), so a ranker that rounds
/// what it reads to 32 bits has FeedSafe's exact values. Keys absent where the platform may not
/// use the data (`profile` without profiling) or there is none (`context` on a first page).
enum RankingRequestJSON {
  static func line(_ request: RankingRequest) -> String {
    var out = "{\"type\":\"rank\",\"id\":\"\(request.id)\",\"day\":\(request.day),\"person\":{"
    out.reserveCapacity(160 * request.candidates.count + 400)
    out += "\"band\":" + RankerJSON.quoted(request.band)
    out +=
      ",\"declared_interests\":["
      + request.declaredInterests.map(String.init).joined(separator: ",") + "]"
    if let profile = request.profile {
      out += ",\"profile\":[" + profile.map(\.description).joined(separator: ",") + "]"
    }
    if let observed = request.observedEvents { out += ",\"observed_events\":\(observed)" }
    out += "},\"session\":{\"last_item\":" + (request.lastItem.map(String.init) ?? "null")
    out += ",\"inverse_max_popularity\":\(request.inverseMaximumPopularity)},\"candidates\":["
    for (index, candidate) in request.candidates.enumerated() {
      if index > 0 { out += "," }
      out += "{\"item\":\(candidate.item),\"source\":\"\(candidate.source.rawValue)\""
      out += ",\"topic\":\(candidate.topic),\"predicted_harm\":"
      out += candidate.predictedHarm.map(String.init) ?? "null"
      out += ",\"age_days\":\(candidate.ageDays),\"popularity\":\(candidate.popularity)"
      out += ",\"freshness\":\(candidate.freshness),\"appeal\":\(candidate.appeal)"
      out += ",\"declared_interest\":\(candidate.declaredInterest)"
      if let affinity = candidate.affinity { out += ",\"affinity\":\(affinity)" }
      if let watch = candidate.predictedWatch { out += ",\"predicted_watch\":\(watch)" }
      if let engagement = candidate.predictedEngagement {
        out += ",\"predicted_engagement\":\(engagement)"
      }
      if let context = candidate.context { out += ",\"context\":\(context)" }
      out += "}"
    }
    return out + "]}"
  }
}
