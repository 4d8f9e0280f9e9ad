import Foundation
import LocalRedis
import Testing

/// `cachescope snapshot` as a script runs it: figures equal the server's own INFO, the 80% rule
/// fires on a known workload, and an unreachable node makes it exit non-zero.
@Suite("Snapshot command", .timeLimit(.minutes(1)))
struct SnapshotCommandTests {
    /// Runs the binary to completion; returns its exit status and standard output.
    static func run(_ arguments: [String], environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuildProducts.executable(named: "cachescope"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }

    @Test("300 hits and 100 misses: 75% in the JSON, equal to INFO, and the hit-ratio rule fires")
    func knownWorkload() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        _ = try MutationTests.redis(server.port, "SET", "user:1", "x")
        for _ in 0..<300 { _ = try MutationTests.redis(server.port, "GET", "user:1") }
        for i in 0..<100 { _ = try MutationTests.redis(server.port, "GET", "user:missing:\(i)") }
        let config = NSTemporaryDirectory() + "cachescope-snapshot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: config + "/cachescope", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        // A snapshot cannot wait five minutes: the rule's duration is zero here.
        try "[alerts.hit-ratio-low]\nfor = 0\n".write(toFile: config + "/cachescope/config.toml", atomically: true, encoding: .utf8)
        let (status, output) = try Self.run(["snapshot", "--json", "--interval", "0.2", "redis://127.0.0.1:\(server.port)"], environment: ["XDG_CONFIG_HOME": config])
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let node = try #require((json["nodes"] as? [[String: Any]])?.first)
        #expect(node["keyspaceHits"] as? Int == 300)
        #expect(node["keyspaceMisses"] as? Int == 100)
        #expect(node["lifetimeHitRatio"] as? Double == 0.75)
        let info = try MutationTests.redis(server.port, "INFO", "stats")
        #expect(info.contains("keyspace_hits:300"))
        #expect(info.contains("keyspace_misses:100"))
        let alerts = try #require(json["alerts"] as? [[String: Any]])
        #expect(alerts.contains { $0["rule"] as? String == "hit-ratio-low" && $0["state"] as? String == "firing" }, "alerts: \(alerts)")
    }

    @Test("two nodes, one of them down: both reported, exit status 1")
    func unreachableNode() async throws {
        let server = try LocalRedisServer.start()
        let down = try LocalRedisServer.start()
        down.stop()
        defer { server.stop() }
        let (status, output) = try Self.run(
            ["snapshot", "--interval", "0.2", "redis://127.0.0.1:\(server.port)", "redis://127.0.0.1:\(down.port)"], environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        #expect(status == 1)
        #expect(output.contains("127.0.0.1:\(server.port)"))
        #expect(output.contains("127.0.0.1:\(down.port)  DOWN"))
        #expect(output.contains("connection refused"))
        #expect(output.contains("node-unreachable"))
    }
}
