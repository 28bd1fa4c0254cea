import Foundation

/// The arms' resolved settings as an HTML table: one row per arm and age band.
enum ArmSettingsTable {
  static func html(
    _ arms: [(name: String, preset: String?, ageAssurance: String, settings: String)]
  ) -> String {
    var html = "<div class=\"scroll\"><table class=\"left\"><thead><tr>"
    for header in [
      "arm", "band", "feed", "profiling", "personalised ads", "geolocation", "public profile",
      "filters", "caps", "not interested", "ads and contact", "age assurance",
    ] {
      html += "<th scope=\"col\">\(header)</th>"
    }
    html += "</tr></thead><tbody>"
    for arm in arms {
      guard let data = arm.settings.data(using: .utf8),
        let bands = (try? JSONSerialization.jsonObject(with: data)) as? [String: [String: Any]]
      else { continue }
      for band in bands.keys.sorted(by: bandOrder) {
        guard let policy = bands[band] else { continue }
        let defaults = policy["defaults"] as? [String: Bool] ?? [:]
        let offered = policy["offered"] as? [String: Bool] ?? [:]
        func setting(_ name: String) -> String {
          (defaults[name] == true ? "on" : "off") + (offered[name] == false ? " (fixed)" : "")
        }
        let filters = (policy["filters"] as? [String: String] ?? [:])
        let grouped = Dictionary(grouping: filters.keys.sorted()) { filters[$0] ?? "" }
        let filterText = grouped.keys.sorted().filter { $0 != "allow" }.map {
          "\($0): \(grouped[$0]?.joined(separator: ", ") ?? "")"
        }
        .joined(separator: "; ")
        var caps: [String] = []
        if let cap = policy["max_harmful_per_page"] as? Int { caps.append("≤ \(cap) harmful/page") }
        if let cap = policy["max_same_topic_in_row"] as? Int {
          caps.append("≤ \(cap) same topic in a row")
        }
        let cells = [
          arm.name + (arm.preset.map { " (\($0))" } ?? ""), band, policy["feed"] as? String ?? "",
          setting("profiling"),
          setting("personalised_ads"), setting("geolocation"), setting("public_profile"),
          filterText.isEmpty ? "none" : filterText,
          caps.isEmpty ? "none" : caps.joined(separator: ", "),
          (policy["not_interested"] as? Bool ?? false) ? "honoured" : "no", contactSummary(policy),
          arm.ageAssurance,
        ]
        html += "<tr>" + cells.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>"
      }
    }
    return html
      + "</tbody></table></div><p>“(fixed)”: people cannot change the setting. Filters act on the classifier's predicted labels.</p>"
  }

  /// The ad, contact and consent rules that differ from an unprotected platform.
  static func contactSummary(_ policy: [String: Any]) -> String {
    var parts: [String] = []
    if policy["block_restricted_ads"] as? Bool == true { parts.append("no restricted ads") }
    if policy["profiled_ads"] as? Bool == false { parts.append("no profiled ads") }
    if policy["suggest_to_unknown_adults"] as? Bool == false {
      parts.append("not suggested to unknown adults")
    }
    if policy["messages_from_unknown_adults"] as? Bool == false {
      parts.append("no messages from unknown adults")
    }
    if policy["parental_consent"] as? Bool == true { parts.append("parental consent under 13") }
    if policy["tracking_prompt"] as? String == "reject_on_first_screen" {
      parts.append("reject on first screen")
    }
    return parts.isEmpty ? "none" : parts.joined(separator: "; ")
  }

  /// Children's bands first, youngest first; then the rest by name.
  static func bandOrder(_ a: String, _ b: String) -> Bool {
    func rank(_ band: String) -> (Int, String) {
      if band.hasPrefix("under_") { return (0, band) }
      if let first = band.split(separator: "_").first, let age = Int(first) {
        return (age < 18 ? age : 200, band)
      }
      return (300, band)
    }
    return rank(a) < rank(b)
  }
}
