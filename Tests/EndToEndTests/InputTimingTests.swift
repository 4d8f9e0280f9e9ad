import Foundation
import LocalRedis
import Testing

/// `CACHESCOPE_INPUT_TIMING=FILE`: the dashboard writes, for each input, the milliseconds from
/// reading it to drawing the frame that answers it. The soak benchmark reads it to tell the
/// dashboard's own latency from what tmux and the machine add.
@Suite("Input → frame timing inside the dashboard", .timeLimit(.minutes(2)))
struct InputTimingTests {
    @Test("three keys against a real server: three lines, each a time no longer than tmux saw")
    func oneLinePerKey() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let home = NSTemporaryDirectory() + "cachescope-timing-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let path = home + "/timing"
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30",
            environment: ["XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home, "CACHESCOPE_INPUT_TIMING": path])
        defer { session.kill() }
        try await session.waitFor(text: "primary")

        let clock = ContinuousClock()
        var seenByTmux: [Duration] = []
        let steps: [(key: String, done: (String) -> Bool)] = [
            ("?", { $0.contains("Help:") }), ("Escape", { !$0.contains("Help:") }), ("2", { $0.contains("┏ Keyspace") }),
        ]
        for step in steps {
            let start = clock.now
            try session.sendKeys(step.key)
            while !step.done(try session.capture()) {
                guard clock.now - start < .seconds(10) else { throw TmuxSession.Failure(description: "\(step.key) had no effect in 10 s:\n\(try session.capture())") }
                try await Task.sleep(for: .milliseconds(5))
            }
            seenByTmux.append(clock.now - start)
        }
        // The frame is on the terminal before tmux's screen shows it; the line is written right after.
        try await Task.sleep(for: .milliseconds(200))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let times = lines.compactMap { Double($0) }
        #expect(lines.count == 3 && times.count == 3, "one line of milliseconds per key; the file was: \(lines)")
        for (own, outside) in zip(times, seenByTmux) {
            #expect(own > 0)
            #expect(own <= Double(outside.components.seconds) * 1000 + Double(outside.components.attoseconds) / 1e15 + 1, "inside \(own) ms, seen by tmux after \(outside)")
        }
        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }

    @Test("a file that cannot be created: a clear error before the screen is taken, exit status 1")
    func unwritablePath() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30",
            environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory(), "CACHESCOPE_INPUT_TIMING": "/nonexistent-dir/timing"])
        defer { session.kill() }
        let screen = try await session.waitFor(text: "EXITED:1")
        #expect(screen.contains("cannot open CACHESCOPE_INPUT_TIMING=/nonexistent-dir/timing: No such file or directory"), "the screen was:\n\(screen)")
        #expect(try session.display("#{alternate_on}") == "0")
    }
}
