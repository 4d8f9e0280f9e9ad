import Foundation
import Inspector
import LocalRedis
import RedisClient
import Runtime
import TerminalUI
import Testing

@testable import AppCore

/// While the node is blocked (DEBUG SLEEP, CLIENT PAUSE) the app keeps answering keys at once,
/// and the node is shown as slow rather than frozen with its last figures.
@Suite("Faults: the UI stays responsive while the server is blocked", .timeLimit(.minutes(2)))
struct BlockedServerResponsivenessTests {
    /// Frames as the terminal would receive them, with when they arrived.
    final class FrameLog: Sendable {
        private let frames = LockedFrames()
        func append(_ buffer: Buffer) {
            let text = buffer.text
            frames.withLock { $0.append((.now, text)) }
        }
        var count: Int { frames.withLock { $0.count } }
        var last: String { frames.withLock { $0.last?.text ?? "" } }
        /// The first frame after index `after` that satisfies `condition`, waiting up to `timeout`.
        func waitFor(after: Int, timeout: Duration = .seconds(10), _ condition: (String) -> Bool) async -> (at: ContinuousClock.Instant, text: String)? {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                let found = frames.withLock { frames in frames.dropFirst(after).first { condition($0.text) } }
                if let found { return found }
                try? await Task.sleep(for: .milliseconds(1))
            }
            return nil
        }
    }

    /// The log's frames behind an NSLock (a pthread mutex) rather than a `Mutex`: the log is polled
    /// every millisecond, and ThreadSanitizer does not see a contended `Mutex` being handed over (its
    /// futex slow path is in the uninstrumented Synchronization library), so it reported this log.
    final class LockedFrames: @unchecked Sendable {
        private let lock = NSLock()
        private var frames: [(at: ContinuousClock.Instant, text: String)] = []

        func withLock<R>(_ body: (inout [(at: ContinuousClock.Instant, text: String)]) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(&frames)
        }
    }

    @Test("pane switches answer within 50 ms during DEBUG SLEEP / CLIENT PAUSE; the node shows SLOW", arguments: ["sleep", "pause"])
    func responsive(_ how: String) async throws {
        let server = try LocalRedisServer.start(["--enable-debug-command", "yes"])
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port))
        let log = FrameLog()
        let state = AppState(addresses: ["\(options.endpoint)"], now: MonotonicClock.now(), interval: 0.5)
        let runtime = AppRuntime(state: state, connections: [ManagedConnection(options: options)], frameSink: { log.append($0) }, auditLog: nil)
        let running = Task { await runtime.run() }
        defer { running.cancel() }
        #expect(await log.waitFor(after: 0) { $0.contains("primary") } != nil, "never connected:\n\(log.last)")

        let blocker = try await RedisConnection.connect(ConnectionOptions(endpoint: options.endpoint, commandTimeout: .seconds(20)))
        let blockedAt = ContinuousClock.now
        if how == "sleep" {
            Task { _ = try? await blocker.send(RedisCommand("DEBUG", "SLEEP", "5")) }
        } else {
            _ = try await blocker.send(RedisCommand("CLIENT", "PAUSE", "5000"))
        }
        var latencies: [Duration] = []
        var sawSlow = false
        var pane = 2
        while ContinuousClock.now - blockedAt < .milliseconds(4500) {
            let before = log.count
            let sent = ContinuousClock.now
            runtime.send(.terminal(.key(.character(Character("\(pane)")))))
            let wantsOverview = pane == 1
            let frame = await log.waitFor(after: before, timeout: .seconds(2)) { $0.contains("Nodes") == wantsOverview }
            let answered = try #require(frame, "no frame for pane \(pane) within 2 s")
            latencies.append(answered.at - sent)
            if wantsOverview, answered.text.contains("SLOW") { sawSlow = true }
            pane = pane == 1 ? 2 : 1
            try await Task.sleep(for: .milliseconds(100))
        }
        latencies.sort()
        let median = latencies[latencies.count / 2]
        let worst = latencies.last ?? .zero
        print("\(how): \(latencies.count) pane switches while blocked, median \(median), worst \(worst)")
        #expect(median < .milliseconds(50), "median \(median)")
        #expect(worst < .milliseconds(250), "worst \(worst)")
        #expect(sawSlow, "the blocked node was never shown as SLOW:\n\(log.last)")
        // Once the server wakes, the node is sampled again and the SLOW mark goes away.
        runtime.send(.terminal(.key(.character("1"))))
        let recovered = await log.waitFor(after: log.count, timeout: .seconds(15)) { $0.contains("primary") && !$0.contains("SLOW") }
        #expect(recovered != nil, "still not recovered:\n\(log.last)")
        runtime.send(.terminal(.key(.character("q"))))
        _ = await running.value
        await blocker.close()
    }
}
