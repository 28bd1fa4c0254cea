/// Audit accounts: the sock-puppet protocol of published feed audits, inside the simulator.
/// Scripted personas join the warmed-up platform as new accounts and scroll through a script of
/// phases, while everything they are shown is recorded impression by impression
/// (`docs/audits.md`).
public struct AuditSpec: Sendable, Equatable {
  /// The personas, in declaration order.
  public var personas: [Persona]
  /// Whether the personas' responses reach what the platform learns and counts (popularity, the
  /// learned engagement rates). Off by default: a small panel must not move the platform.
  public var affectsPlatform: Bool

  /// Audit accounts as given.
  public init(personas: [Persona] = [], affectsPlatform: Bool = false) {
    self.personas = personas
    self.affectsPlatform = affectsPlatform
  }

  /// No audit accounts.
  public static let none = AuditSpec()

  /// Audit accounts in all (every replica of every persona).
  public var accountCount: Int { personas.reduce(0) { $0 + $1.replicas } }
}

/// A named kind of audit account: who it is, what the platform can see of it at sign-up, and the
/// script it follows.
public struct Persona: Sendable, Equatable {
  /// The persona's name (in tables, charts and `trace --persona`).
  public var name: String
  /// Identical accounts run side by side; metrics are means over them, and Kaplan–Meier estimates
  /// treat each as one observation.
  public var replicas: Int
  /// True age (cohorts and the platform's age estimation use it).
  public var age: Int
  /// The age declared at sign-up.
  public var declaredAge: Int
  /// Declared interests (topic positions): what the sign-up form asks, and the persona's own
  /// interests when it behaves as the population does.
  public var declaredInterests: [Int]
  /// What the platform can see at sign-up beyond the declared interests (a username or bio that
  /// signals an interest or a vulnerability): weight per embedding dimension, seeding the inferred
  /// profile where profiling is allowed.
  public var signals: [Double]
  /// Susceptibility per harm category, used when a phase behaves as the population does.
  public var susceptibility: [Double]
  /// Measured day (0 = first day after the burn-in) on which the accounts join.
  public var joinDay: Int
  /// Feed minutes scrolled per day, in one continuous session, until the script ends.
  public var minutesPerDay: Double
  /// The script, in order.
  public var phases: [AuditPhase]

  /// A persona with every attribute given.
  public init(
    name: String, replicas: Int, age: Int, declaredAge: Int, declaredInterests: [Int],
    signals: [Double], susceptibility: [Double], joinDay: Int, minutesPerDay: Double,
    phases: [AuditPhase]
  ) {
    self.name = name
    self.replicas = replicas
    self.age = age
    self.declaredAge = declaredAge
    self.declaredInterests = declaredInterests
    self.signals = signals
    self.susceptibility = susceptibility
    self.joinDay = joinDay
    self.minutesPerDay = minutesPerDay
    self.phases = phases
  }
}

/// One phase of a persona's script: how long it lasts and how the account behaves.
public struct AuditPhase: Sendable, Equatable {
  /// How a phase's length is counted.
  public enum Length: Sendable, Equatable {
    /// Feed minutes (time on screen).
    case minutes(Double)
    /// Items viewed.
    case impressions(Int)
  }

  /// The phase's name.
  public var name: String
  /// Its length.
  public var length: Length
  /// What the account does with each item.
  public var behaviour: AuditBehaviour
  /// Interests the account switches to when the phase starts (topic positions; empty: keep).
  /// Matters when the phase behaves as the population does.
  public var interests: [Int]
  /// Probability of pressing "not interested" on a harmful item it scrolls past (`nil`: the
  /// population's habit when behaving as the population does, never otherwise).
  public var notInterested: Double?

  /// A phase as given.
  public init(
    name: String, length: Length, behaviour: AuditBehaviour, interests: [Int] = [],
    notInterested: Double? = nil
  ) {
    self.name = name
    self.length = length
    self.behaviour = behaviour
    self.interests = interests
    self.notInterested = notInterested
  }
}

/// What an audit account does with each item it is shown.
public enum AuditBehaviour: Sendable, Equatable {
  /// Reacts as the population's choice model does, with the persona's interests and
  /// susceptibility.
  case population
  /// Scripted, as audit protocols are: per kind of item, the probability of lingering (watching
  /// to the end) and of engaging (liking; implies watching).
  case scripted(linger: AuditRates, engage: AuditRates)
  /// Scrolls past everything and never engages.
  case stopEngaging
}

/// A probability per kind of item: per harm category, per benign topic, and for items matching
/// neither entry.
public struct AuditRates: Sendable, Equatable {
  /// Per harm category (`nil`: fall back to `otherwise`).
  public var harm: [Double?]
  /// Per topic (a harmful item's topic is its gateway topic), for items whose harm category has
  /// no entry (`nil`: fall back to `otherwise`).
  public var topic: [Double?]
  /// Everything else.
  public var otherwise: Double

  /// Rates as given.
  public init(harm: [Double?], topic: [Double?], otherwise: Double = 0) {
    self.harm = harm
    self.topic = topic
    self.otherwise = otherwise
  }

  /// The same probability for every item.
  public static func uniform(_ value: Double, harms: Int, topics: Int) -> AuditRates {
    AuditRates(
      harm: Array(repeating: nil, count: harms), topic: Array(repeating: nil, count: topics),
      otherwise: value)
  }

  /// The probability for an item of harm category `harm` (`-1`: benign) and primary `topic`.
  @inline(__always)
  func rate(harm: Int, topic: Int) -> Double {
    if harm >= 0, let rate = self.harm[harm] { return rate }
    return self.topic[topic] ?? otherwise
  }
}
