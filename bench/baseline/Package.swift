// swift-tools-version:6.0
// The floor under every gateway number in BENCHMARKS.md: Hummingbird 2 alone, answering a small fixed JSON body,
// built and measured the same way as PersoPoint (release, wrk -t2 -c64 on the same two cores). Not part of the
// product nor of the test command; `bench/baseline.sh` builds and runs it.
import PackageDescription

let package = Package(
    name: "BareHummingbird",
    platforms: [.macOS(.v14)],
    dependencies: [.package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0")],
    targets: [
        .executableTarget(name: "BareHummingbird", dependencies: [.product(name: "Hummingbird", package: "hummingbird")]),
    ]
)
