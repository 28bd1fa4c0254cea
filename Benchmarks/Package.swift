// swift-tools-version: 6.1
// FeedSafe's benchmarks, in their own package so that the benchmark tooling never slows the
// normal build and tests. Run: swift package --package-path Benchmarks benchmark
import PackageDescription

let package = Package(
  name: "FeedSafeBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "FeedSafe", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "EngineBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "FeedSafeCore", package: "FeedSafe"),
      ],
      path: "Benchmarks/EngineBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
