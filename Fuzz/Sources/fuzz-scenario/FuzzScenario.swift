import FeedSafeScenario

/// libFuzzer's entry point: any bytes, as a scenario file, must give a scenario or a
/// `ScenarioError`, never a crash, a hang or unbounded memory. Includes resolve against the
/// working directory (the corpus folder), so include handling is exercised too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = try? Scenario.parse(text, file: "fuzz.yaml")
  return 0
}
