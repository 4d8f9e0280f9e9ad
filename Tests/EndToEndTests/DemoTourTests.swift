import Foundation
import Testing

/// The first five minutes of a new user: `cachescope demo` opens on a living cache world, every
/// pane shows it, the numbers move, help and `:dump` work, and quitting leaves no redis-server.
@Suite("Demo tour end to end", .timeLimit(.minutes(2)))
struct DemoTourTests {
    @Test("demo: every pane, live numbers, help, dump, and no redis-server left after q")
    func tour() async throws {
        let demo = try DemoSession()
        defer { demo.end() }
        let session = demo.tmux

        // Overview: the private server, its pid on the status line, live figures.
        let first = try await session.waitFor(text: "demo: private redis-server", timeout: .seconds(30))
        let pid = try #require(Self.serverPID(in: first))
        #expect(kill(pid, 0) == 0)
        try await session.waitFor(text: "primary")
        let before = try await Self.opsTitle(session)
        var changed = false
        for _ in 0..<40 where !changed {
            try await Task.sleep(for: .milliseconds(250))
            changed = try await Self.opsTitle(session) != before
        }
        #expect(changed, "the ops/s figures never changed from \(before)")

        // Keys: the namespace tree of the cache world.
        try session.sendKeys("2")
        try await session.waitFor(text: "session:")
        try await session.waitFor(allOf: ["keys indexed", "user:", "recent_searches:"], timeout: .seconds(20))

        // Leaderboard: the demo increments leaderboard:score all the time.
        try session.sendText(":zset leaderboard:score")
        try session.sendKeys("Enter")
        try await session.waitFor(allOf: ["player", "leaderboard:score"])

        // Pub/Sub and Server.
        // Nothing is subscribed yet: the pane lists the demo's invalidation channel and its listeners.
        try session.sendKeys("4")
        try await session.waitFor(text: "cache:invalidate  2 subscribers")
        try session.sendKeys("5")
        try await session.waitFor(allOf: ["Clients", "Slow log", "Commands"])

        // Help and a screen dump.
        try session.sendKeys("?")
        try await session.waitFor(text: "Help: Server")
        try session.sendKeys("Escape")
        try session.sendText(":dump")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "dumped to")
        let files = try FileManager.default.contentsOfDirectory(atPath: demo.home)
        #expect(files.contains { $0.hasPrefix("cachescope-") && $0.hasSuffix(".txt") })
        #expect(files.contains { $0.hasPrefix("cachescope-") && $0.hasSuffix(".json") })

        // Quit: the private server goes with it.
        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0", timeout: .seconds(15))
        var gone = false
        for _ in 0..<50 where !gone {
            gone = kill(pid, 0) != 0
            if !gone { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(gone, "redis-server \(pid) still runs after quitting the demo")
    }

    /// The pid in "demo: private redis-server on 127.0.0.1:PORT, pid N; …".
    static func serverPID(in screen: String) -> Int32? {
        guard let range = screen.range(of: ", pid ") else { return nil }
        return Int32(screen[range.upperBound...].prefix { $0.isNumber })
    }

    /// The title of the overview's ops/s panel ("ops/s 222.1 … hits 186.1/s misses 12.0/s").
    static func opsTitle(_ session: TmuxSession) async throws -> String {
        let screen = try session.capture()
        return screen.split(separator: "\n").first { $0.contains("ops/s") && $0.contains("hits") }.map(String.init) ?? ""
    }
}
