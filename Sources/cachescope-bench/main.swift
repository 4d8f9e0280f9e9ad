import Foundation
import Runtime

/// `swift run -c release cachescope-bench [SUITE …]`: each suite starts what it needs, runs its
/// peer in the same run where there is one, and prints a table. No suite named: all of them.
let suites: [(name: String, summary: String, run: () async throws -> Void)] = [
    ("client", "pipelined GET vs redis-benchmark -P 16; RESP decoder MB/s and replies/s", { try await ClientBenchmark.run() }),
    ("render", "render + diff of a full 200x60 frame (TerminalUI widgets)", { RenderBenchmark.run() }),
    ("keyspace", "index 1M keys (name, type, TTL, memory) vs redis-cli --memkeys; first batch, RSS, slowest call", { try await KeyspaceBenchmark.run() }),
    (
        "keyspace-scale",
        "10M keys (CACHESCOPE_BENCH_KEYS=100000000: 100M): first picture, estimates vs exact, RSS, CPU vs bare SCAN, slow commands, keypress→frame",
        { try await KeyspaceScaleBenchmark.run() }
    ),
    ("doctor", "index 1M keys, then the cache doctor over them: the % it adds to the scan (goal ≤ 20%)", { try await DoctorBenchmark.run() }),
    ("overview", "the real overview pane's render + diff, and cachescope's idle CPU at a 1 s interval", { try await OverviewBenchmark.run() }),
    ("pubsub", "real Redis flood, then pubsub-rate; omem, cut-offs, RSS", { try await PubSubBenchmark.run() }),
    (
        "soak",
        "the release cachescope in tmux vs a 3x2 cluster at 50k ops/s + pub/sub, failovers, partitions and loss (own netns), rescans: RSS/CPU/fds/threads a minute, slopes (--minutes 60 --period-scale 1)",
        { try await SoakBenchmark.run(Array(CommandLine.arguments.drop { $0 != "soak" }.dropFirst())) }
    ),
    ("recording", "100 nodes sampled at 1 s, recorded: bytes per sample, 24 h extrapolated, CPU recorder on vs off", { try await RecordingBenchmark.run() }),
    ("pubsub-rate", "loopback source: msgs/s ours vs redis-cli > /dev/null, 1M msgs/s for 5 s, keypress→frame, RSS", { try await PubSubIngestBenchmark.run() }),
]

// As the dashboard does: large freed blocks go back to the system, threads share one arena
// (RSS is measured).
LargeAllocations.returnLargeBlocksToTheSystem()
ThreadArenas.shareOne()
/// Flags after the suite names (`soak --minutes 3`) belong to the soak.
let requested = Array(CommandLine.arguments.dropFirst().prefix { !$0.hasPrefix("--") || $0 == "--help" })
if requested.contains("--help") || requested.contains("-h") {
    print("usage: cachescope-bench [SUITE …]\n")
    for suite in suites { print("  \(suite.name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(suite.summary)") }
    exit(0)
}
let unknown = requested.filter { name in !suites.contains { $0.name == name } }
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("cachescope-bench: unknown suite \(unknown.joined(separator: ", ")) (one of: \(suites.map(\.name).joined(separator: ", ")))\n".utf8))
    exit(2)
}
/// Run by `pubsub` already: only when named.
let partOfAnother: Set<String> = ["pubsub-rate"]
/// Long (minutes, GBs of Redis): only when named.
let onlyWhenNamed: Set<String> = partOfAnother.union(["keyspace-scale", "soak"])
for suite in suites where requested.isEmpty ? !onlyWhenNamed.contains(suite.name) : requested.contains(suite.name) {
    print("== \(suite.name): \(suite.summary)")
    do {
        try await suite.run()
        fflush(nil)  // a table shows up as soon as it is done, even when piped to a file
    } catch {
        print("suite \(suite.name) failed: \(error)")
        exit(1)
    }
    print("")
}
