import Foundation
import LocalRedis
import Testing

/// The server pane in a real terminal: a consumer that stopped reading is flagged and killed with
/// `K` (the address typed, the audit line written); a stopped replica's lag grows on screen and
/// raises the replica-lag alert.
@Suite("Clients and replication on screen", .timeLimit(.minutes(2)))
struct ClientsAndReplicationTests {
    static func home() throws -> String {
        let home = NSTemporaryDirectory() + "cachescope-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/cachescope", withIntermediateDirectories: true)
        return home
    }

    @Test("a stalled consumer is flagged within two intervals, and K kills exactly it after the address is typed")
    func stalledConsumerFlaggedAndKilled() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        try RawRedis.run(port: server.port, [[Array("SET".utf8), Array("big".utf8), [UInt8](repeating: 120, count: 1 << 20)]])
        let stalled = try StalledClient(port: server.port, name: "batchjob", requests: String(repeating: "GET big\r\n", count: 80))
        defer { stalled.close() }
        let bystander = try StalledClient(port: server.port, name: "bystander", requests: "")
        defer { bystander.close() }
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) --interval 0.5 redis://127.0.0.1:\(server.port); sleep 30",
            environment: ["XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        try session.sendKeys("5")
        try session.sendKeys("Right")
        try session.sendKeys("Right")
        try await session.waitFor(text: "batchjob")
        try session.sendKeys("v")
        try await session.waitFor(allOf: ["obuf", "bystander"], timeout: .seconds(5))
        // Filter to the consumer and kill it.
        try session.sendKeys("/")
        try session.sendText("name=batchjob")
        try session.sendKeys("Enter")
        try session.sendKeys("K")
        let dialog = try await session.waitFor(allOf: ["cannot be undone", "batchjob"])
        #expect(!dialog.contains("bystander"))
        try session.sendText("127.0.0.1:\(server.port)")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "killed 1 client")
        let list = try MutationTests.redis(server.port, "CLIENT", "LIST")
        #expect(!list.contains("name=batchjob"))
        #expect(list.contains("name=bystander"))
        let audit = try String(contentsOfFile: home + "/cachescope/audit.log", encoding: .utf8)
        #expect(audit.contains("\"command\":\"CLIENT KILL\""))
        #expect(audit.contains("/batchjob"))
    }

    @Test("a replica stopped with SIGSTOP shows its lag growing in the Replication section and raises replica-lag")
    func stoppedReplicaRaisesTheLagAlert() async throws {
        let primary = try LocalRedisServer.start()
        defer { primary.stop() }
        let replica = try LocalRedisServer.start(["--replicaof", "127.0.0.1", String(primary.port)])
        defer {
            kill(replica.pid, SIGCONT)
            replica.stop()
        }
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try "[alerts.replica-lag]\nabove = 2\n".write(toFile: home + "/cachescope/config.toml", atomically: true, encoding: .utf8)
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) --interval 0.5 redis://127.0.0.1:\(primary.port); sleep 30",
            environment: ["XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        try session.sendKeys("5")
        try await session.waitFor(text: "127.0.0.1:\(replica.port)", timeout: .seconds(15))
        #expect(kill(replica.pid, SIGSTOP) == 0)
        for i in 0..<200 { _ = try MutationTests.redis(primary.port, "SET", "k\(i)", "v") }
        try await session.waitFor(allOf: ["replica-lag", "Replication", "127.0.0.1:\(replica.port)"], timeout: .seconds(20))
    }
}
