import Foundation
import LocalRedis
import Testing

/// Named connections from the config file: start on one with `--context`, move to another with
/// `:ctx NAME` without leaving the dashboard, and an unknown name is refused with the known ones.
@Suite("Contexts end to end", .timeLimit(.minutes(2)))
struct ContextSwitchTests {
    @Test(":ctx switches to another named connection in place")
    func switchContext() async throws {
        let alpha = try LocalRedisServer.start()
        defer { alpha.stop() }
        let beta = try LocalRedisServer.start()
        defer { beta.stop() }
        let home = NSTemporaryDirectory() + "cachescope-ctx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/cachescope", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try """
        [connections.alpha]
        url = "redis://127.0.0.1:\(alpha.port)"

        [connections.beta]
        url = "redis://127.0.0.1:\(beta.port)"
        read_only = true
        """.write(toFile: home + "/cachescope/config.toml", atomically: true, encoding: .utf8)
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) --context alpha; echo EXITED:$?; sleep 30",
            environment: ["XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home])
        defer { session.kill() }

        let start = try await session.waitFor(text: "127.0.0.1:\(alpha.port)")
        #expect(!start.contains("127.0.0.1:\(beta.port)"))
        try await session.waitFor(text: "primary")

        try session.sendText(":ctx nowhere")
        try session.sendKeys("Enter")
        try await session.waitFor(allOf: ["no connection named", "known: alpha, beta"])

        try session.sendText(":ctx beta")
        try session.sendKeys("Enter")
        let switched = try await session.waitFor(allOf: ["switched to beta", "127.0.0.1:\(beta.port)"])
        #expect(!switched.contains("127.0.0.1:\(alpha.port)"))
        try await session.waitFor(text: "primary")

        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }
}
