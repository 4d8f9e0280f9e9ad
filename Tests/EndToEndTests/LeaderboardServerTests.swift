import Foundation
import LocalRedis
import Testing

/// The leaderboard and server panes in a real terminal (tmux) against a real redis-server.
@Suite("Leaderboard and server panes end to end", .timeLimit(.minutes(2)))
struct LeaderboardServerTests {
    /// Runs `redis-cli -p port ARGS…`, failing on a non-zero exit.
    static func cli(_ port: Int, _ arguments: String...) throws {
        let result = try CleanSpawn.run("/usr/bin/env", ["redis-cli", "-p", String(port)] + arguments, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "redis-cli \(arguments): \(result.errors)")
    }

    @Test(":zset shows the top member, ZINCRBY moves another up, pane 5 shows slowlog and clients")
    func leaderboardMovementThenServerPane() async throws {
        let server = try LocalRedisServer.start(["--slowlog-log-slower-than", "0"])
        defer { server.stop() }
        try Self.cli(server.port, "ZADD", "leaderboard:score", "500", "alice", "400", "bob", "300", "carol", "200", "dave")
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30", environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        defer { session.kill() }
        try await session.waitFor(text: "primary")

        try session.sendText(":zset leaderboard:score")
        try session.sendKeys("Enter")
        let board = try await session.waitFor(allOf: ["4 members", "alice"])
        let firstRow = try #require(board.split(separator: "\n").first { $0.contains("alice") })
        #expect(firstRow.contains("500"))
        #expect(firstRow.contains(" 1 "))

        try Self.cli(server.port, "ZINCRBY", "leaderboard:score", "250", "carol")
        let moved = try await session.waitFor(allOf: ["↑2", "↓1", "+250"])
        let carolRow = try #require(moved.split(separator: "\n").first { $0.contains("carol") && $0.contains("550") })
        #expect(carolRow.contains("↑2"))
        #expect(carolRow.contains("+250"))
        #expect(moved.contains("↓1"))

        try session.sendKeys("5")
        try await session.waitFor(text: "Slow log")
        try await session.waitFor(text: "Clients")  // the sections may land a frame apart under load
        try await session.waitFor(allOf: ["ZINCRBY leaderboard:score", "cachescope", "Latency"])

        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }
}
