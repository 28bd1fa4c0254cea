import FeedSafeCore

/// A ``RankingRequest`` as one protocol line. Every `Float` is written in Swift's shortest
/// representation that reads back as the same `Float` (`0.1`, `1e-05`), so a ranker that rounds
/// what it reads to 32 bits has FeedSafe's exact values. Keys absent where the platform may not
/// use the data (`profile` without profiling) or there is none (`context` on a first page).
///
/// Protocol 1 sends the candidates as a list of objects; protocol 2 as one list per feature
/// (`"candidates": {"item": [...], "freshness": [...]}`), a third of the bytes, which a ranker
/// can read straight into arrays (`docs/ranker-protocol.md`, "Protocol 2").
enum RankingRequestJSON {
  static func line(_ request: RankingRequest, protocol version: Int) -> String {
    var out = "{\"type\":\"rank\",\"id\":\"\(request.id)\",\"day\":\(request.day),\"person\":{"
    out.reserveCapacity((version == 1 ? 160 : 60) * request.candidates.count + 400)
    out += "\"band\":" + RankerJSON.quoted(request.band)
    out +=
      ",\"declared_interests\":["
      + request.declaredInterests.map(String.init).joined(separator: ",") + "]"
    if let profile = request.profile {
      out += ",\"profile\":[" + profile.map(\.description).joined(separator: ",") + "]"
    }
    if let observed = request.observedEvents { out += ",\"observed_events\":\(observed)" }
    out += "},\"session\":{\"last_item\":" + (request.lastItem.map(String.init) ?? "null")
    out += ",\"inverse_max_popularity\":\(request.inverseMaximumPopularity)},\"candidates\":"
    if version == 1 {
      rows(request.candidates, into: &out)
    } else {
      columns(request, into: &out)
    }
    return out + "}"
  }

  /// Protocol 1: `[{"item": 812, "source": "personalised", …}, …]`.
  private static func rows(_ candidates: [RankingCandidate], into out: inout String) {
    out += "["
    for (index, candidate) in candidates.enumerated() {
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
    out += "]"
  }

  /// Protocol 2: `{"item": [812, 95, …], "source": […], …}`, one entry per candidate in every
  /// list. The profiling features' lists are present exactly where the request has a profile,
  /// `context` where it has a last item (so also on an empty page), `null` for a value missing.
  private static func columns(_ request: RankingRequest, into out: inout String) {
    let candidates = request.candidates
    var separator = "{"
    func column(_ key: String, when present: Bool = true, _ value: (RankingCandidate) -> String?) {
      guard present else { return }
      out += separator + "\"" + key + "\":["
      for (index, candidate) in candidates.enumerated() {
        if index > 0 { out += "," }
        out += value(candidate) ?? "null"
      }
      out += "]"
      separator = ","
    }
    column("item") { String($0.item) }
    column("source") { "\"" + $0.source.rawValue + "\"" }
    column("topic") { String($0.topic) }
    column("predicted_harm") { $0.predictedHarm.map(String.init) }
    column("age_days") { String($0.ageDays) }
    column("popularity") { String($0.popularity) }
    column("freshness") { $0.freshness.description }
    column("appeal") { $0.appeal.description }
    column("declared_interest") { $0.declaredInterest.description }
    let profiled = request.profile != nil
    column("affinity", when: profiled) { $0.affinity?.description }
    column("predicted_watch", when: profiled) { $0.predictedWatch?.description }
    column("predicted_engagement", when: profiled) { $0.predictedEngagement?.description }
    column("context", when: request.lastItem != nil) { $0.context?.description }
    out += "}"
  }
}
