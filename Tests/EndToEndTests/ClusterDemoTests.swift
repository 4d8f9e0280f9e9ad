import Foundation
import LocalRedis
import Testing

/// `cachescope demo --cluster` in a real terminal: a six-node local cluster, every node in the
/// overview with its role, the cluster total, the keys pane over the whole cluster, and quitting
/// stops every redis-server the demo started.
@Suite("Cluster demo end to end", .timeLimit(.minutes(2)))
struct ClusterDemoTests {
    @Test("demo --cluster: six nodes with roles and a total, a primary killed is failed over while watched, q leaves no redis-server behind")
    func clusterDemo() async throws {
        let demo = try DemoSession("--cluster")
        defer { demo.end() }
        let session = demo.tmux

        let shell = try #require(Int32(try session.display("#{pane_pid}")))
        let program = try await ProcessProbe.waitForChild(of: shell, timeout: .seconds(10))
        let screen = try await session.waitFor(text: "cluster total", timeout: .seconds(45))
        // The servers the demo started are its own children, found by pid (redis-server or valkey-server).
        let serverProgram = URL(fileURLWithPath: try ServerBinary.current().path).lastPathComponent
        let servers = Self.allChildren(of: program).filter { Self.command(of: $0).contains(serverProgram) }
        #expect(servers.count == 6)
        #expect(screen.contains("Nodes"))
        // Every node's first sample arrives within an interval or two.
        var nodeRows: [Substring] = []
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            nodeRows = try session.capture().split(separator: "\n").filter { $0.contains("127.0.0.1:") && ($0.contains("primary") || $0.contains("replica")) }
            if nodeRows.count >= 6 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(nodeRows.count == 6, "node rows: \(nodeRows)")
        #expect(nodeRows.filter { $0.contains("primary") }.count == 3)
        #expect(nodeRows.filter { $0.contains("slots") }.count == 3)

        try session.sendKeys("2")
        try await session.waitFor(text: "3 primaries", timeout: .seconds(20))
        try await session.waitFor(text: "user", timeout: .seconds(20))

        // Failover while watched: kill a primary by pid; its replica is promoted and shown so.
        try session.sendKeys("1")
        let primaryRow = try #require(nodeRows.first { $0.contains("slots") })
        let start = try #require(primaryRow.range(of: "127.0.0.1:"))
        let port = "127.0.0.1:" + primaryRow[start.upperBound...].prefix(while: \.isNumber)
        let victim = try #require(servers.first { Self.command(of: $0).contains(port + " ") })
        #expect(kill(victim, SIGKILL) == 0)
        try await session.waitFor(allOf: ["promoted to primary", "DOWN"], timeout: .seconds(30))
        // The keys pane still answers: a rescan walks the new topology.
        try session.sendKeys("2")
        try session.sendKeys("r")
        try await session.waitFor(text: "scanning", timeout: .seconds(10))
        let rescanned = try await session.waitFor(text: "user:", timeout: .seconds(20))
        #expect(!rescanned.contains("scan failed"))

        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0", timeout: .seconds(30))
        for pid in servers {
            #expect(kill(pid, 0) != 0, "redis-server \(pid) still running after quit")
        }
    }

    /// The children of every thread of `pid` (a child belongs to the thread that spawned it).
    static func allChildren(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task -> [Int32] in
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }

    static func command(of pid: Int32) -> String {
        let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
        return String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }
}

@Suite("Cluster snapshot", .timeLimit(.minutes(1)))
struct ClusterSnapshotTests {
    @Test("snapshot given one replica's address reports all six nodes (cluster mode detected)")
    func snapshotOfCluster() throws {
        let cluster = try LocalRedisCluster.start(primaries: 3, replicasPerPrimary: 1)
        defer { cluster.stop() }
        let config = NSTemporaryDirectory() + "cachescope-cluster-snapshot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let (status, output) = try SnapshotCommandTests.run(
            ["snapshot", "--interval", "0.2", "redis://127.0.0.1:\(cluster.replicas[0].port)"], environment: ["XDG_CONFIG_HOME": config])
        #expect(status == 0, "\(output)")
        for port in cluster.ports { #expect(output.contains("127.0.0.1:\(port)"), "node \(port) missing from: \(output)") }
    }
}
