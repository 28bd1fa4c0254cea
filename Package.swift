// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "FeedSafe",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "feedsafe", targets: ["feedsafe"]),
    .library(name: "FeedSafeCore", targets: ["FeedSafeCore"]),
    .library(name: "FeedSafeScenario", targets: ["FeedSafeScenario"]),
    .library(name: "FeedSafeReport", targets: ["FeedSafeReport"]),
    .library(name: "FeedSafeStore", targets: ["FeedSafeStore"]),
    .library(name: "FeedSafeRanker", targets: ["FeedSafeRanker"]),
    .library(name: "FeedSafeCluster", targets: ["FeedSafeCluster"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
  ],
  targets: [
    .target(
      name: "FeedSafeCore",
      dependencies: [.product(name: "RealModule", package: "swift-numerics")]
    ),
    .target(
      name: "FeedSafeScenario",
      dependencies: ["FeedSafeCore", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "FeedSafeReport", dependencies: ["FeedSafeCore"]),
    .systemLibrary(
      name: "CSQLite", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
    .target(name: "FeedSafeStore", dependencies: ["FeedSafeCore", "CSQLite"]),
    // External rankers as subprocesses: Foundation and POSIX I/O, kept out of Core.
    .target(name: "FeedSafeRanker", dependencies: ["FeedSafeCore"]),
    // Job scripts for cluster schedulers (Slurm): plain text, no scheduler needed to write them.
    .target(name: "FeedSafeCluster"),
    .executableTarget(
      name: "feedsafe",
      dependencies: [
        "FeedSafeCore", "FeedSafeScenario", "FeedSafeReport", "FeedSafeStore", "FeedSafeRanker",
        "FeedSafeCluster", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "FeedSafeCoreTests", dependencies: ["FeedSafeCore"]),
    .testTarget(name: "FeedSafeScenarioTests", dependencies: ["FeedSafeScenario", "FeedSafeCore"]),
    .testTarget(name: "FeedSafeReportTests", dependencies: ["FeedSafeReport", "FeedSafeCore"]),
    .testTarget(name: "FeedSafeStoreTests", dependencies: ["FeedSafeStore", "FeedSafeCore"]),
    .testTarget(
      name: "FeedSafeCLITests",
      dependencies: [
        "feedsafe", "FeedSafeCore", "FeedSafeScenario", "FeedSafeStore", "FeedSafeRanker",
      ]),
    .testTarget(name: "FeedSafeClusterTests", dependencies: ["FeedSafeCluster"]),
  ]
)
