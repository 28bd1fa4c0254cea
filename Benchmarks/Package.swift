// swift-tools-version: 6.1
// FeedSafe's benchmarks, in their own package so that the benchmark tooling never slows the
// normal build and tests. Run: swift package --package-path Benchmarks benchmark
import Foundation
import PackageDescription

/// Code-generation flags for the reference workload's SIMD kernels.
///
/// The default x86-64 target has SSE2 only (no AVX, no FMA instructions); `-target-cpu haswell`
/// (AVX2 + FMA, every x86-64 CPU since 2013) makes the scoring kernels 2–3× faster with identical
/// results (shared/peers/RESULTS.md). Used when this Linux x86-64 machine has those features, or
/// as `FEEDSAFE_TARGET_CPU` says (`none` turns it off, any other value is passed to -target-cpu).
/// Release builds only; the binary then needs such a CPU.
func targetCPUFlags() -> [String] {
  if let chosen = ProcessInfo.processInfo.environment["FEEDSAFE_TARGET_CPU"] {
    return chosen.isEmpty || chosen == "none" ? [] : ["-target-cpu", chosen]
  }
  #if os(Linux) && arch(x86_64)
    let needed: Set<Substring> = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "popcnt", "lzcnt"]
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let flagsLine = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
    let flags = Set(flagsLine.split(separator: " ").map { $0 == "abm" ? "lzcnt" : $0 })
    return needed.isSubset(of: flags) ? ["-target-cpu", "haswell"] : []
  #else
    return []
  #endif
}

let cpuFlags = targetCPUFlags()
let kernelSettings: [SwiftSetting] =
  cpuFlags.isEmpty
  ? [.unsafeFlags(["-O"], .when(configuration: .debug))]
  : [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
    .unsafeFlags(cpuFlags, .when(configuration: .release)),
    .define("FEEDSAFE_TARGET_CPU_FLAG", .when(configuration: .release)),
  ]

let package = Package(
  name: "FeedSafeBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "FeedSafe", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
  ],
  targets: [
    .target(
      name: "ReferenceWorkload",
      dependencies: [
        .product(name: "FeedSafeCore", package: "FeedSafe"),
        .product(name: "RealModule", package: "swift-numerics"),
      ],
      swiftSettings: kernelSettings
    ),
    .executableTarget(
      name: "reference-workload",
      dependencies: ["ReferenceWorkload", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: kernelSettings
    ),
    .testTarget(name: "ReferenceWorkloadTests", dependencies: ["ReferenceWorkload"], exclude: ["Fixtures"]),
    .executableTarget(
      name: "EngineBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "FeedSafeCore", package: "FeedSafe"),
        "ReferenceWorkload",
      ],
      path: "Benchmarks/EngineBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ]
)
