/// How the platform assesses a person's age (ICO Children's code, standard 3).
public enum AgeAssurance: Sendable, Equatable {
  /// The platform believes the declared age.
  case selfDeclaration
  /// Age estimation (e.g. facial analysis): true age plus a normal error whose mean absolute
  /// error is `meanAbsoluteError` years.
  case estimation(meanAbsoluteError: Double)
  /// Verification against a document: true age, except that a share `failureRate` of checks
  /// fall back to the declared age.
  case verification(failureRate: Double)
  /// Estimation with a challenge age (as vendors and the ICO describe): an account that claims
  /// to be adult is believed only if its estimated age is at least 18 + `challengeBuffer`;
  /// otherwise it goes to a stronger check, verification with `failureRate`. An account that
  /// claims to be a minor is assessed at its estimated age, or its claim if that is younger.
  case challengeAge(meanAbsoluteError: Double, challengeBuffer: Double, failureRate: Double)

  /// The method's scenario name.
  public var name: String {
    switch self {
    case .selfDeclaration: "self_declaration"
    case .estimation: "estimation"
    case .verification: "verification"
    case .challengeAge: "estimation_with_challenge"
    }
  }
}

/// The population of one age band: how many, how they sign up, what they like and how they use
/// the feed. Defaults and their sources are in `docs/model.md`.
public struct BandSpec: Sendable, Equatable {
  /// Share of the population in this band; shares over bands sum to 1.
  public var share: Double
  /// Share of the band who declare a false age at sign-up (13+ under 13, older from 13 to 17).
  public var lieRate: Double
  /// Share of the band's liars whose false age is adult (18–24); the others declare an age from
  /// 13 (or one above their own) to 17. Separate from `lieRate` so that both Ofcom figures for
  /// 8–12s, the share on 13+ services and the share who look adult, can hold.
  public var adultDeclaredShare: Double = 1
  /// Relative prior weight of each benign topic in this band's interests (Dirichlet base).
  public var topicPriors: [Double]
  /// Dirichlet concentration: small values give people few strong interests.
  public var interestConcentration: Double
  /// Share of the band that is vulnerable (susceptible to harmful content).
  public var vulnerableShare: Double
  /// Mean sessions per day (Poisson).
  public var sessionsPerDay: Double
  /// Mean session length in feed minutes when nothing is engaged with.
  public var sessionMinutes: Double
  /// Share of the band who are new accounts: they join on the first measured day, with nothing
  /// held about them, as audit accounts do, instead of using the platform during the burn-in.
  public var newAccountShare: Double = 0

  /// A band with every attribute given.
  public init(
    share: Double, lieRate: Double, topicPriors: [Double], interestConcentration: Double,
    vulnerableShare: Double, sessionsPerDay: Double, sessionMinutes: Double,
    newAccountShare: Double = 0, adultDeclaredShare: Double = 1
  ) {
    self.newAccountShare = newAccountShare
    self.adultDeclaredShare = adultDeclaredShare
    self.share = share
    self.lieRate = lieRate
    self.topicPriors = topicPriors
    self.interestConcentration = interestConcentration
    self.vulnerableShare = vulnerableShare
    self.sessionsPerDay = sessionsPerDay
    self.sessionMinutes = sessionMinutes
  }
}

/// Everything needed to build a synthetic population.
public struct PopulationSpec: Sendable, Equatable {
  /// Number of accounts.
  public var size: Int
  /// The age bands.
  public var bands: AgeBands
  /// One spec per band, in band order.
  public var bandSpecs: [BandSpec]
  /// How the platform assesses age.
  public var ageAssurance: AgeAssurance
  /// Harm susceptibility of a person who is not vulnerable, per harm category.
  public var baseSusceptibility: [Double]
  /// Harm susceptibility of a vulnerable person, per harm category.
  public var vulnerableSusceptibility: [Double]
  /// Probability that a person keeps each setting's default, in `Setting.allCases` order.
  public var stickiness: [Double]
  /// Mean number of creators a person follows at sign-up (Poisson).
  public var initialFollows: Double
  /// Most creators one person can follow (a fixed-size column keeps the hot loop allocation-free).
  public var maximumFollows: Int
  /// Number of declared interests at sign-up, drawn uniformly from 1 to this.
  public var maximumDeclaredInterests: Int
  /// Optional segments (e.g. gender) that scale susceptibility per harm category; empty for none.
  /// Shares sum to 1 when any are declared; each person belongs to one.
  public var segments: [PopulationSegment] = []

  /// A population spec with every attribute given.
  public init(
    size: Int, bands: AgeBands, bandSpecs: [BandSpec], ageAssurance: AgeAssurance,
    baseSusceptibility: [Double], vulnerableSusceptibility: [Double], stickiness: [Double],
    initialFollows: Double, maximumFollows: Int, maximumDeclaredInterests: Int
  ) {
    self.size = size
    self.bands = bands
    self.bandSpecs = bandSpecs
    self.ageAssurance = ageAssurance
    self.baseSusceptibility = baseSusceptibility
    self.vulnerableSusceptibility = vulnerableSusceptibility
    self.stickiness = stickiness
    self.initialFollows = initialFollows
    self.maximumFollows = maximumFollows
    self.maximumDeclaredInterests = maximumDeclaredInterests
  }

  /// The stickiness of one setting's default.
  public func stickiness(of setting: Setting) -> Double {
    stickiness[Setting.allCases.firstIndex(of: setting) ?? 0]
  }
}

/// A population segment (e.g. girls and boys): a share of every band whose susceptibility to each
/// harm category is scaled, where evidence shows the same content draws groups differently.
public struct PopulationSegment: Sendable, Equatable {
  /// The segment's name; children in it form the cohort `children_<name>`.
  public var name: String
  /// Share of the population in the segment.
  public var share: Double
  /// Factor on susceptibility per harm category, in taxonomy order.
  public var susceptibilityFactor: [Double]
  /// Factor on the probability that a move to a private channel ends in meeting offline (ONS:
  /// boys 5.7%, girls 3.1% met someone only known online, so 1.3 and 0.7 about the mean).
  public var offlineMeetingFactor = 1.0

  /// A segment with every attribute given.
  public init(name: String, share: Double, susceptibilityFactor: [Double]) {
    self.name = name
    self.share = share
    self.susceptibilityFactor = susceptibilityFactor
  }
}
