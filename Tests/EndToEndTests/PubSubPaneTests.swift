import Foundation
import LocalRedis
import Testing

/// The Pub/Sub pane in a real terminal (tmux) against a real redis-server.
@Suite("Pub/Sub pane end to end", .timeLimit(.minutes(2)))
struct PubSubPaneTests {
    /// `redis-cli -p port ARGS…`'s output, failing on a non-zero exit.
    static func cli(_ port: Int, _ arguments: String...) throws -> String {
        let result = try CleanSpawn.run("/usr/bin/env", ["redis-cli", "-p", String(port)] + arguments, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "redis-cli \(arguments): \(result.errors)")
        return result.output
    }

    @Test(":sub news, a message published with redis-cli shows up; :pub reaches redis; an escape is shown escaped")
    func subscribeAndSee() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let binary = try BuildProducts.executable(named: "cachescope")
        let directory = NSTemporaryDirectory() + "cachescope-pubsub-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30",
            environment: ["XDG_CONFIG_HOME": directory, "XDG_STATE_HOME": directory])
        defer { session.kill() }
        try await session.waitFor(text: "primary")

        try session.sendText(":sub news")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "Messages")
        // Publish until the subscription is in place (PUBLISH answers how many received it).
        let deadline = ContinuousClock.now + .seconds(15)
        var receivers = "0"
        while receivers.trimmingCharacters(in: .whitespacesAndNewlines) != "1", ContinuousClock.now < deadline {
            receivers = try Self.cli(server.port, "PUBLISH", "news", "breaking: hello from redis-cli")
            if receivers.trimmingCharacters(in: .whitespacesAndNewlines) != "1" { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(receivers.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let screen = try await session.waitFor(text: "breaking: hello from redis-cli")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("breaking: hello") })
        #expect(row.contains("news"))

        _ = try Self.cli(server.port, "PUBLISH", "news", "bell\u{07}esc\u{1b}[2Jend")
        try await session.waitFor(text: "bell\\aesc\\x1b[2Jend")

        try session.sendText(":pub news typed-in-cachescope")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "1 subscriber received it")
        try await session.waitFor(text: "typed-in-cachescope")
        let audit = try String(contentsOfFile: directory + "/cachescope/audit.log", encoding: .utf8)
        #expect(audit.contains("PUBLISH"))

        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }

    @Test("e offers to turn key events on, y sets them, an expiring key shows up, quitting restores the setting")
    func keyEventsEnableAndRestore() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let binary = try BuildProducts.executable(named: "cachescope")
        let directory = NSTemporaryDirectory() + "cachescope-keyevents-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30",
            environment: ["XDG_CONFIG_HOME": directory, "XDG_STATE_HOME": directory])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        try session.sendKeys("4")
        try await session.waitFor(text: "Nothing subscribed")
        try session.sendKeys("e")
        try await session.waitFor(text: "Turn on keyspace notifications")
        try session.sendKeys("y")
        try await session.waitFor(text: "key events on")
        #expect(try Self.cli(server.port, "CONFIG", "GET", "notify-keyspace-events").contains("E"))

        // Publish-side: keep touching a short-lived key until its expiry shows (the subscription may lag a moment).
        let deadline = ContinuousClock.now + .seconds(15)
        var screen = ""
        while !(screen.contains("__keyevent@0__:expired") && screen.contains("session:42")), ContinuousClock.now < deadline {
            _ = try Self.cli(server.port, "SET", "session:42", "v", "PX", "20")
            try await Task.sleep(for: .milliseconds(150))
            _ = try Self.cli(server.port, "EXISTS", "session:42")
            screen = try session.capture()
        }
        #expect(screen.contains("__keyevent@0__:expired"))
        #expect(screen.contains("session:42"))

        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
        let restored = try Self.cli(server.port, "CONFIG", "GET", "notify-keyspace-events")
        // redis-cli prints the name, then the (empty) value.
        #expect(restored.trimmingCharacters(in: .whitespacesAndNewlines) == "notify-keyspace-events")
    }
}
