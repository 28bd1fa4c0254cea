// swift-tools-version: 6.1
// An app that embeds FeedSafe's engine: FeedSafeCore as a package dependency, no CLI, no store.
import PackageDescription

let package = Package(
  name: "feedsafe-embedding",
  platforms: [.macOS(.v14)],
  dependencies: [
    // `name:` is required: without it the package's identity would be the folder name.
    .package(name: "FeedSafe", path: "../..")
  ],
  targets: [
    .executableTarget(
      name: "feedsafe-embedding",
      dependencies: [.product(name: "FeedSafeCore", package: "FeedSafe")]
    )
  ]
)
