import Testing

@testable import FeedSafeCore

@Suite("Determinism and common random numbers")
struct DeterminismTests {
  static let spec = TinyWorld.spec(
    days: 3, seeds: 2,
    arms: [TinyWorld.arm("none", .none), TinyWorld.arm("ico", .icoChildrensCode)])

  @Test("the same scenario and seed give identical metrics twice")
  func sameSeedTwice() throws {
    #expect(try TinyWorld.values(Self.spec) == TinyWorld.values(Self.spec))
  }

  @Test("1, 2 and 3 threads give bit-identical metrics", arguments: [2, 3])
  func threadCountDoesNotMatter(threads: Int) throws {
    let single = try TinyWorld.values(Self.spec, threads: 1)
    #expect(!single.isEmpty)
    #expect(try TinyWorld.values(Self.spec, threads: threads) == single)
  }

  @Test("1 and 2 threads give identical per-person tallies and daily series")
  func tallyIdentical() throws {
    let one = try TinyWorld.outcome(Self.spec, threads: 1)
    let two = try TinyWorld.outcome(Self.spec, threads: 2)
    #expect(one.tally == two.tally)
    #expect(one.daily == two.daily)
  }

  @Test("two identical arms give identical metrics (common random numbers)")
  func identicalArmsAgree() throws {
    var spec = Self.spec
    var twin = spec.arms[0]
    twin.name = "twin"
    spec.arms.append(twin)
    let values = try TinyWorld.values(spec)
    let first = values.filter { $0.key.hasPrefix("none/") }
    #expect(!first.isEmpty)
    for (key, value) in first {
      #expect(values["twin/" + key.dropFirst("none/".count)] == value, "\(key)")
    }
  }

  @Test("adding an arm leaves the other arms' metrics unchanged")
  func addingAnArm() throws {
    var bigger = Self.spec
    bigger.arms.append(TinyWorld.arm("ofcom", .ofcomChildrenCodes))
    let before = try TinyWorld.values(Self.spec)
    let after = try TinyWorld.values(bigger).filter { !$0.key.hasPrefix("ofcom/") }
    #expect(after == before)
  }

  @Test("a different seed gives a different world and different metrics")
  func seedsDiffer() throws {
    var other = Self.spec
    other.seed += 100
    #expect(try TinyWorld.values(other) != TinyWorld.values(Self.spec))
  }
}
