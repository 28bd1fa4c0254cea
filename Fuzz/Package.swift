// swift-tools-version:5.4
// The scenario parser's libFuzzer target, in its own package: libFuzzer needs an executable
// target linked with `-sanitize=fuzzer`, which SwiftPM only links under this tools version
// (docs/security.md). Run it with `Fuzz/run.sh SECONDS`.
import PackageDescription

let package = Package(
  name: "FeedSafeFuzz",
  dependencies: [.package(name: "FeedSafe", path: "..")],
  targets: [
    .executableTarget(
      name: "fuzz-scenario",
      dependencies: [.product(name: "FeedSafeScenario", package: "FeedSafe")])
  ]
)
