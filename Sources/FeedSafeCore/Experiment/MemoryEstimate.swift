/// The peak memory a run of an ``ExperimentSpec`` needs, estimated from its sizes before anything
/// is allocated, so the CLI can refuse a run that cannot fit instead of crashing part-way.
///
/// A sum of named terms, one per structure that grows with the input, each the product of a
/// count (people, items, days, workers) and the bytes per row of that structure's columns, taken
/// from `MemoryLayout` of the column types so the estimate follows the code. Arithmetic is in
/// `Double`, so no size, however absurd, overflows (`Int.max` people gives a finite figure).
///
/// Design notes: an upper-leaning estimate, not an accounting. Transient buffers (the catalogue
/// builder's draft, metric sorting) are added although they do not all live at once; the test
/// pins the sum within 2× of the measured peak RSS (`MemoryEstimateTests`, the CLI's
/// `--people` runs). A new per-row structure in the engine needs a new term here.
/// - Complexity: O(arms + feeds); no allocation proportional to the sizes.
public struct MemoryEstimate: Sendable, Equatable {
  /// One part of the estimate.
  public struct Term: Sendable, Equatable {
    /// What it counts, for `--verbose` style listings and for tests.
    public let name: String
    /// Its size in bytes (a `Double`: never overflows).
    public let bytes: Double
  }

  /// The parts, largest structures first.
  public let terms: [Term]

  /// The whole estimate, in bytes.
  public var bytes: Double { terms.reduce(0) { $0 + $1.bytes } }

  /// The estimate in GiB (2³⁰ bytes).
  public var gibibytes: Double { bytes / 1_073_741_824 }

  /// The estimate for running `spec` with `threads` workers (clamped as the engine clamps it).
  public init(spec: ExperimentSpec, threads: Int) {
    // A swept size counts at its largest.
    let swept = spec.arms.filter { !$0.parameters.isEmpty }.map {
      ParameterRegistry.apply($0.parameters, to: spec)
    }
    let people = Double(max(0, ([spec] + swept).map(\.population.size).max() ?? 0))
    let items = Double(max(0, ([spec] + swept).map(\.catalogue.size).max() ?? 0))
    let days = Double(max(1, spec.horizonDays))
    let simulatedDays = max(1, Double(max(0, spec.burnInDays)) + Double(max(0, spec.horizonDays)))
    let workers = Double(max(1, min(threads, max(1, spec.population.size))))
    let shape = Shape(spec: spec)
    let worlds: Double = spec.arms.contains { !$0.parameters.isEmpty } ? 2 : 1
    let world = [
      Term(name: "runtime and code", bytes: Self.runtimeBytes),
      Term(name: "population columns", bytes: worlds * people * shape.populationRowBytes),
      Term(name: "catalogue columns", bytes: worlds * items * shape.catalogueRowBytes),
      Term(
        name: "catalogue publication index",
        bytes: worlds * simulatedDays * shape.bucketsPerDay(items: items) * Self.int32),
    ]
    let arms = [
      Term(name: "arm context", bytes: people * shape.contextRowBytes),
      Term(name: "worker person state and tallies", bytes: people * shape.workerPersonRowBytes),
      Term(name: "worker daily series", bytes: workers * days * shape.dailyRowBytes),
      Term(name: "merged arm outcome", bytes: people * shape.outcomeRowBytes),
      Term(
        name: "day state (popularity, trending, scoring rows, item rates)",
        bytes: items * (2 * Self.int32 + Self.scoringRowBytes + 2 * Self.float)),
      Term(
        name: "learned engagement statistics (per item)",
        bytes: items * Self.responseCountsBytes),
      Term(
        // A table of the pairs seen (at most one per response, half full, old and new table at
        // a resize), or dense, peaking at 1.5 × the dense array when it moves there.
        name: "learned engagement statistics (per item and audience segment)",
        bytes: min(
          1.5 * shape.dims * items,
          4 * people * shape.impressionsPerPersonDay(spec) * simulatedDays)
          * Self.responseCountsBytes),
      Term(
        name: "learned personal responses (per person and content dimension)",
        bytes: people * (shape.dims + 1) * Self.responseCountsBytes),
      Term(
        name: "response logs of a day (capacity doubles as it grows)",
        bytes: 2 * people * shape.impressionsPerPersonDay(spec) * Self.int64),
      Term(name: "metric scratch", bytes: people * Self.metricScratchRowBytes),
      Term(
        // Held for every arm of a seed until the seed is stored.
        name: "audit accounts' impressions and readable traces of one seed's arms",
        bytes: Double(spec.arms.count)
          * Self.auditImpressions(spec.audit, horizon: spec.horizonDays)
          * Self.auditImpressionBytes),
      Term(
        name: "metric values kept for the summary",
        bytes: Double(max(1, spec.replications)) * Double(spec.arms.count)
          * shape.metricValuesPerArm * Self.metricValueBytes),
    ]
    // The catalogue is built before the arms run, and its scratch is freed first: it raises
    // the peak only by as much as it exceeds what the arms then allocate.
    let scratch = Term(
      name: "catalogue build scratch (beyond what the arms later allocate)",
      bytes: max(0, items * shape.catalogueDraftRowBytes - arms.reduce(0) { $0 + $1.bytes }))
    terms = world + arms + [scratch]
  }

  /// The most impressions the audit accounts can be shown: every account's script at the fastest
  /// pace (an item skipped every 3 s, 20 a minute), capped by the minutes it can scroll before
  /// the horizon ends.
  static func auditImpressions(_ audit: AuditSpec, horizon: Int) -> Double {
    audit.personas.reduce(0) { total, persona in
      let script = persona.phases.reduce(0.0) { sum, phase in
        switch phase.length {
        case .minutes(let minutes): sum + minutes * 20
        case .impressions(let count): sum + Double(count)
        }
      }
      let days = Double(max(1, horizon - persona.joinDay))
      return total + Double(persona.replicas) * min(script, persona.minutesPerDay * 20 * days)
    }
  }
  /// One `AuditImpression`, its `AuditTraceRow` with five short heap strings, and the grouping copy.
  static let auditImpressionBytes =
    2 * Double(MemoryLayout<AuditImpression>.stride) + Double(MemoryLayout<AuditTraceRow>.stride)
    + 5 * 32

  /// Process baseline: the Swift runtime, Foundation and SQLite, measured at ≈ 25 MiB RSS for a
  /// tiny run.
  static let runtimeBytes = 32.0 * 1_048_576
  /// Members lists, mapped and sorted copies while metrics are computed (≈ 6 words per person).
  static let metricScratchRowBytes = 48.0
  static let int32 = Double(MemoryLayout<Int32>.stride)
  static let int64 = Double(MemoryLayout<Int64>.stride)
  static let responseCountsBytes = Double(MemoryLayout<ResponseCounts>.stride)
  static let scoringRowBytes = Double(MemoryLayout<ScoringRow>.stride)
  static let float = Double(MemoryLayout<Float>.stride)
  /// One `MetricValue` and the heap text of its three short strings.
  static let metricValueBytes = Double(MemoryLayout<MetricValue>.stride) + 48
}

/// The per-row byte counts of the engine's columns for one scenario's shape.
private struct Shape {
  let dims: Double
  let harms: Double
  let measures: Double
  let cohorts: Double
  let followSlots: Double
  let declaredSlots: Double
  let settings: Double
  let itemsPerCreator: Double

  init(spec: ExperimentSpec) {
    dims = Double(spec.taxonomy.dimensionCount)
    harms = Double(spec.taxonomy.harms.count)
    measures = Double(HarmMeasures(taxonomy: spec.taxonomy).count)
    cohorts = Double(Cohorts(population: spec.population).count)
    followSlots = Double(max(0, spec.population.maximumFollows))
    declaredSlots = Double(max(0, spec.population.maximumDeclaredInterests))
    settings = Double(Setting.allCases.count)
    itemsPerCreator = Double(max(1, spec.catalogue.itemsPerCreator))
  }

  /// `Population`: ages, bands, vulnerability, susceptibility per harm, interests per dimension,
  /// declared interests and follows per slot, setting overrides, session habits.
  var populationRowBytes: Double {
    3 * size(Int16.self) + 2 * size(AgeBand.self) + size(Bool.self) + harms * size(Float.self)
      + dims * size(Float.self) + declaredSlots * size(Int16.self) + followSlots
      * size(Int32.self) + settings * size(Bool.self) + 2 * size(Float.self) + size(Int8.self)
      + size(Bool.self)
  }

  /// Impressions a person views in a day, on average over bands: session time over the mean
  /// time on screen per item (half the items skipped, half watched to the end).
  func impressionsPerPersonDay(_ spec: ExperimentSpec) -> Double {
    let durations = spec.catalogue.durationSeconds
    let meanDwell = max(
      1, (spec.behaviour.skipSeconds + Double(durations.lowerBound + durations.upperBound) / 2) / 2)
    let sessionSeconds = spec.population.bandSpecs.reduce(0.0) {
      $0 + $1.share * $1.sessionsPerDay * $1.sessionMinutes * 60
    }
    return sessionSeconds * (1 + spec.behaviour.maximumSessionFactor / 4) / meanDwell
  }

  /// `Catalogue`: the item columns, the embedding, and the three bucket indexes (an item sits
  /// in one or two dimension buckets, one creator bucket and the everything bucket).
  var catalogueRowBytes: Double {
    size(Int32.self) + 2 * size(Int16.self) + 3 * size(Int8.self) + size(Bool.self) + 2
      * size(Float.self) + 2 * size(Int32.self) + dims * size(Float.self) + 4 * size(Int32.self)
  }

  /// `ItemBuckets.publishedBy`: one `Int32` per bucket per day, for dimension, creator and
  /// everything buckets.
  func bucketsPerDay(items: Double) -> Double {
    dims + 1 + (items / itemsPerCreator + dims)
  }

  /// `ItemDraft` and the sort order while the catalogue is built (then freed).
  var catalogueDraftRowBytes: Double {
    2 * size(Int.self) + size(Int16.self) + size(Int8.self) + 4 * size(Float.self) + dims
      * size(Float.self) + dims * size(Float.self)
  }

  /// `ArmContext` and `PlatformPlan`: assessed age and band, feed, profiling, cohort mask, and
  /// seven platform flags.
  var contextRowBytes: Double {
    size(Int16.self) + size(AgeBand.self) + size(Int16.self) + size(Bool.self) + size(UInt32.self)
      + 7 * size(Bool.self)
  }

  /// Every worker's `AudienceState`, `ExposureTally` and `PlatformTally`, per person.
  var workerPersonRowBytes: Double {
    let audience =
      2 * dims * size(Float.self) + followSlots * size(Int32.self) + size(UInt64.self)
      + size(Int32.self)
    return audience + tallyRowBytes + platformRowBytes
  }

  /// `ExposureTally` per person: five per-person counters, four per-measure columns, two more.
  var tallyRowBytes: Double {
    4 * size(Int32.self) + size(Int64.self) + measures
      * (size(Int32.self) + size(Int64.self) + 2 * size(Int32.self)) + 2 * size(Int32.self)
  }

  /// `PlatformTally` per person: ten counters and two flags.
  var platformRowBytes: Double { 10 * size(Int32.self) + 2 * size(Bool.self) }

  /// The merged `ExposureTally` and `PlatformTally` of an `ArmOutcome`, built while the workers'
  /// copies are still alive.
  var outcomeRowBytes: Double { tallyRowBytes + platformRowBytes }

  /// `DailySeries` per day: impressions and feed seconds per cohort, harmful per cohort × measure.
  var dailyRowBytes: Double { cohorts * (2 + measures) * size(Int64.self) }

  /// Metric values per arm and seed: every metric for every cohort and category, bounded above.
  var metricValuesPerArm: Double { Double(Metric.allCases.count) * cohorts * (measures + 1) }

  private func size<T>(_ type: T.Type) -> Double { Double(MemoryLayout<T>.stride) }
}
