import Foundation
import Testing

/// The first minute in a small terminal (80×24, a split pane during an incident) with the demo:
/// the node keeps its address's port, the leaderboard offers the demo's sorted set and Enter
/// watches it, and a filter with one match shows the key without opening its folder by hand.
@Suite("A small terminal end to end", .timeLimit(.minutes(2)))
struct SmallTerminalTests {
    @Test("demo at 80×24: node port, leaderboard offer and Enter, /evil* opens its folder")
    func firstMinute() async throws {
        let demo = try DemoSession()
        defer { demo.end() }
        let session = demo.tmux
        try session.resize(width: 80, height: 24)

        // Overview: the node's row holds its address's port.
        let first = try await session.waitFor(text: "demo: private redis-server on 127.0.0.1:", timeout: .seconds(30))
        let port = try #require(Self.port(in: first))
        let overview = try await session.waitFor(allOf: ["primary", "OPS/S"])
        let row = overview.split(separator: "\n").first { $0.contains("primary") && $0.contains("▶") }
        #expect(row?.contains(":\(port)") == true, "the node row has no port:\n\(overview)")

        // A hostile key, written before anything walks the keyspace.
        try RawRedis.run(port: port, [["SET".bytes, "evil:\u{1b}[2J".bytes, "x".bytes]])

        // Leaderboard, nothing watched: it lists the demo's sorted set; Enter watches it.
        try session.sendKeys("3")
        let offer = try await session.waitFor(allOf: ["nothing watched", "leaderboard:score"], timeout: .seconds(20))
        let offered = offer.split(separator: "\n").first { $0.contains("leaderboard:score") }
        #expect(offered?.contains("▶") == true, "the biggest sorted set is selected first:\n\(offer)")
        try session.sendKeys("Enter")
        let board = try await session.waitFor(allOf: ["leaderboard:score", "members", "player"], timeout: .seconds(10))
        #expect(board.contains("RANK"))

        // Keys: /evil* has one match; its folder opens by itself and the key shows escaped.
        try session.sendKeys("2")
        try await session.waitFor(text: "keys indexed", timeout: .seconds(20))
        try session.sendKeys("/")
        try session.sendText("evil*")
        try session.sendKeys("Enter")
        let filtered = try await session.waitFor(allOf: ["filter evil*", "▾ evil:", "\\x1b[2J"])
        #expect(!filtered.contains("▸ evil:"))
        #expect(!filtered.contains("\u{1b}"))
    }

    /// The port in "demo: private redis-server on 127.0.0.1:PORT, pid N; …".
    static func port(in screen: String) -> Int? {
        guard let range = screen.range(of: "redis-server on 127.0.0.1:") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }
}
