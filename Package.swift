// swift-tools-version:6.0
import PackageDescription

/// Settings every first-party target shares: Swift 6 language mode plus the upcoming features
/// the project holds itself to.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "cachescope",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cachescope", targets: ["cachescope"]),
        .executable(name: "cachescope-bench", targets: ["cachescope-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // The only C surface: ncursesw with a shim for the macros Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // SQLite, as Debian ships it: the recording file's storage.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // RESP2/RESP3 values, incremental decoder, encoder. Bytes, never lossy strings.
        .target(
            name: "RESP",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        // Connections over SwiftNIO (TLS with NIOSSL), pipelining, AUTH/HELLO, reconnect, cluster routing.
        .target(
            name: "RedisClient",
            dependencies: [
                "RESP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Starts and stops private redis-server processes: the demo, the tests and the benchmarks use it.
        .target(
            name: "LocalRedis",
            swiftSettings: strictSettings
        ),
        // Cell buffer, diff, layout, widgets, themes, display width, sanitising, keymap. No terminal.
        .target(
            name: "TerminalUI",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            resources: [.copy("BundledThemes")],
            swiftSettings: strictSettings
        ),
        // The only code that touches the terminal.
        .target(
            name: "NcursesBackend",
            dependencies: ["CNcursesw", "TerminalUI"],
            swiftSettings: strictSettings
        ),
        // The cache domain: INFO, rates, alerts, keyspace index, values, leaderboard, pub/sub, mutations.
        .target(
            name: "Inspector",
            dependencies: ["RedisClient", "RESP"],
            swiftSettings: strictSettings
        ),
        // The recording file (SQLite): its schema, a writer that batches rows, a reader by time.
        .target(
            name: "Recording",
            dependencies: ["CSQLite", "Inspector"],
            swiftSettings: strictSettings
        ),
        // Pure: app state, messages, update/render, panes, keymap, command line, config.
        // Effects are values; nothing here touches the network.
        .target(
            name: "AppCore",
            dependencies: [
                "Inspector", "TerminalUI",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strictSettings
        ),
        // Runs AppCore's effects (connections, keyspace, mutations, pub/sub, polls, topology)
        // and sends the results back to the loop as messages.
        .target(
            name: "Runtime",
            dependencies: ["AppCore", "Inspector", "RedisClient", "TerminalUI", "Recording"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cachescope",
            dependencies: [
                "AppCore", "Runtime", "NcursesBackend", "Inspector", "RedisClient", "RESP", "TerminalUI", "LocalRedis", "Recording",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cachescope-bench",
            dependencies: [
                "AppCore", "Runtime", "Inspector", "RedisClient", "RESP", "TerminalUI", "LocalRedis",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        /// Seeded, time-boxed fuzzing helpers shared by the test targets.
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport", swiftSettings: strictSettings),
        // Unit tests: pure, no server, no process; the whole set runs in seconds after the build:
        //   swift test --filter 'RESPTests|TerminalUITests|InspectorTests|AppCoreTests|NcursesBackendTests'
        .testTarget(name: "RESPTests", dependencies: ["RESP", "FuzzSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI"],
            resources: [.copy("Snapshots")],
            swiftSettings: strictSettings
        ),
        // Inspector on built data and scripted replies: INFO, alerts, the index and tree, globs, TTLs,
        // the doctor's analysis, parsers. RedisClient and RESP for reply values and a scripted connection.
        .testTarget(
            name: "InspectorTests",
            dependencies: [
                "Inspector", "RedisClient", "RESP", "FuzzSupport",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // AppCore as data: messages in, state and effects out, screens rendered to text. RedisClient
        // only for the cluster-topology values two suites build (`ClusterOverview` is made from one).
        .testTarget(
            name: "AppCoreTests",
            dependencies: ["AppCore", "Inspector", "TerminalUI", "RedisClient", "FuzzSupport"],
            // Whole screens as text, read from the source tree by `expectScreen`.
            exclude: ["Snapshots"],
            swiftSettings: strictSettings
        ),
        // The recording file: schema, writer and reader on temporary SQLite files.
        .testTarget(
            name: "RecordingTests",
            dependencies: ["Recording", "Inspector"],
            swiftSettings: strictSettings
        ),
        // The key decoder, fed raw input without a terminal.
        .testTarget(
            name: "NcursesBackendTests",
            dependencies: ["NcursesBackend", "TerminalUI"],
            swiftSettings: strictSettings
        ),
        // Integration tests: each starts private redis-server processes (RedisClientTests also
        // scripted fake servers on loopback sockets).
        .testTarget(
            name: "RedisClientTests",
            dependencies: ["RedisClient", "RESP", "LocalRedis", "FuzzSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InspectorIntegrationTests",
            dependencies: [
                "Inspector", "RedisClient", "RESP", "LocalRedis",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // The real runtime against a real server, frames read as text.
        .testTarget(
            name: "RuntimeTests",
            dependencies: ["Runtime", "AppCore", "Inspector", "RedisClient", "RESP", "LocalRedis", "TerminalUI", "Recording"],
            swiftSettings: strictSettings
        ),
        // The built binary in tmux against private servers.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["LocalRedis"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
