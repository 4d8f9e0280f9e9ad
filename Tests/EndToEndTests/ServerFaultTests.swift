import Foundation
import LocalRedis
import Testing

/// The dashboard in a real terminal while its server is killed and restarted, or blocked.
@Suite("Server faults end to end", .timeLimit(.minutes(3)))
struct ServerFaultTests {
    static func seed(_ port: Int) throws {
        _ = try RawRedis.stdin(port: port, ["ZADD board 500 alice 400 bob 300 carol", "SET user:1 one", "SET user:2 two"])
    }

    @Test("killed while every pane is open: each shows the node down, then recovers by itself")
    func killAndRestartEveryPane() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        try Self.seed(server.port)
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30",
            environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        try session.sendText(":zset board")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "3 members")
        try session.sendKeys("2")
        try await session.waitFor(text: "keys indexed")
        try session.sendKeys("5")
        try await session.waitFor(text: "Clients")

        server.stop()
        try session.sendKeys("1")
        try await session.waitFor(allOf: ["connection refused", "DOWN"], timeout: .seconds(15))
        // Every pane still draws and answers keys while the node is down.
        var downScreens: [String: String] = [:]
        for pane in ["2", "3", "5"] {
            try session.sendKeys(pane)
            try await Task.sleep(for: .milliseconds(400))
            let screen = try session.capture()
            downScreens[pane] = screen
            #expect(screen.split(separator: "\n").first?.contains("Overview") == true, "pane \(pane) lost its tab bar:\n\(screen)")
            #expect(
                screen.contains("node-unreachable") || screen.contains("DOWN") || screen.contains("refused"),
                "pane \(pane) does not say the node is down:\n\(screen)")
        }

        // The keys pane tries a rescan while the node is down: it fails, and must retry by itself.
        try session.sendKeys("2", "r")
        try await session.waitFor(text: "scan failed", timeout: .seconds(10))
        try server.restart()
        try Self.seed(server.port)
        try session.sendKeys("1")
        try await session.waitFor(text: "primary", timeout: .seconds(20))
        try await session.waitFor(text: "RESOLVED", timeout: .seconds(10))
        try session.sendKeys("2")
        try await session.waitFor(text: "3 keys indexed", timeout: .seconds(15))
        try session.sendKeys("3")
        try await session.waitFor(text: "3 members", timeout: .seconds(15))
        try session.sendKeys("5")
        try await session.waitFor(text: "Clients", timeout: .seconds(15))
        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }

    @Test("DEBUG SLEEP 5: pane switches still answer, the node is shown SLOW, then recovers")
    func debugSleep() async throws {
        let server = try LocalRedisServer.start(["--enable-debug-command", "yes"])
        defer { server.stop() }
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30",
            environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sleeper.arguments = ["redis-cli", "-p", String(server.port), "DEBUG", "SLEEP", "5"]
        sleeper.standardOutput = FileHandle.nullDevice
        try sleeper.run()
        defer { sleeper.waitUntilExit() }
        try await Task.sleep(for: .milliseconds(300))
        // keypress → screen change, measured loosely through tmux (each capture is a process).
        var worst: Duration = .zero
        for pane in ["2", "1", "5", "1"] {
            let sent = ContinuousClock.now
            try session.sendKeys(pane)
            let marker = pane == "1" ? "Nodes" : (pane == "2" ? "keys" : "Slow log")
            try await session.waitFor(text: marker, timeout: .seconds(2))
            worst = max(worst, ContinuousClock.now - sent)
        }
        print("DEBUG SLEEP: worst keypress→screen through tmux \(worst)")
        #expect(worst < .seconds(1))
        try await session.waitFor(text: "SLOW", timeout: .seconds(5))
        sleeper.waitUntilExit()
        try await session.waitFor(text: "primary", timeout: .seconds(15))
        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }
}
