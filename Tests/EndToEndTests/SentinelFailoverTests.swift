import Foundation
import LocalRedis
import Testing

/// A whole failover in a real terminal: the dashboard reached through sentinels, the keys pane
/// used on the primary, `SENTINEL FAILOVER`, the overview following the promotion, and the keys
/// pane used again — its delete lands on the new primary.
@Suite("Sentinel failover end to end", .timeLimit(.minutes(2)))
struct SentinelFailoverTests {
    @Test("keys pane before and after a SENTINEL FAILOVER; the change goes to the new primary")
    func failover() async throws {
        let group = try LocalRedisSentinelGroup.start()
        defer { group.stop() }
        _ = try RawRedis.stdin(port: group.primary.port, ["SET alpha 1", "SET beta 2", "SET gamma 3", "WAIT 2 2000"])
        let state = try TemporaryFolder.make()
        let binary = try BuildProducts.executable(named: "cachescope")
        let uri = "redis+sentinel://127.0.0.1:\(group.sentinels[0].port),127.0.0.1:\(group.sentinels[1].port)/mymaster"
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) \(uri); sleep 30", height: 60, environment: ["XDG_CONFIG_HOME": state, "XDG_STATE_HOME": state])
        defer { session.kill() }
        let oldPrimary = "127.0.0.1:\(group.primary.port)"
        try await session.waitFor(allOf: ["Sentinel mymaster", "primary \(oldPrimary)", "sentinels 3/3 up, 3 followed", "primary confirmed"])
        try session.sendKeys("2")
        try await session.waitFor(text: "3 keys indexed")

        _ = try RawRedis.stdin(port: group.sentinels[2].port, ["SENTINEL FAILOVER mymaster"])
        try session.sendKeys("1")
        let replicas = group.replicas.map { "127.0.0.1:\($0.port)" }
        var promoted: String?
        let deadline = ContinuousClock.now + .seconds(15)
        while promoted == nil, ContinuousClock.now < deadline {
            let screen = try session.capture()
            if screen.contains("+failover-end"), screen.contains("primary confirmed") { promoted = replicas.first { screen.contains("primary \($0)") } }
            try await Task.sleep(for: .milliseconds(100))
        }
        let lastScreen = try session.capture()
        let newPrimary = try #require(promoted, "no promotion shown:\n\(lastScreen)")
        let port = try #require(Int(newPrimary.split(separator: ":").last ?? ""))

        // The keys pane indexes the new primary and its delete goes there.
        try session.sendKeys("2")
        try await session.waitFor(text: "3 keys indexed")
        try session.sendKeys("g", "d")
        try await session.waitFor(text: "u undoes it")
        try session.sendKeys("y")
        try await session.waitFor(text: "deleted 1 key")
        #expect(try RawRedis.stdin(port: port, ["DBSIZE"]).trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        try session.sendKeys("q")
    }
}

/// A private temporary directory for a test's files.
enum TemporaryFolder {
    static func make() throws -> String {
        let path = NSTemporaryDirectory() + "cachescope-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
