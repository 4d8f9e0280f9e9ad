import AppCore
import Foundation
import Inspector
import RedisClient
import Runtime
import Synchronization
import TerminalUI

/// The dashboard itself (AppRuntime with its real network side, drawing into buffers instead of
/// a terminal) while it indexes a big keyspace: how long a keypress takes to reach a frame during
/// the scan, how long the index takes under the given policy (and until estimates first show),
/// and how long quitting takes once everything is indexed.
enum KeyspaceResponsiveness {
    struct Result {
        /// Keypress → first frame showing its effect, seconds, measured while the scan ran.
        var keypressLatencies: [Double]
        /// Seconds from entering the keys pane to the first frame saying the walk is done ("keys
        /// indexed in", or "walked in" past the index budget), or to `limit`.
        var indexSeconds: Double
        /// Whether a frame said the walk is done before `limit`.
        var finished: Bool
        /// Seconds from entering the keys pane to the first frame showing estimates for the whole
        /// keyspace ("of the keyspace visited"); nil if none did.
        var firstEstimateSeconds: Double?
        /// Seconds from `q` to `run()` returning, with the whole keyspace indexed.
        var quitSeconds: Double
        /// The process' largest RSS sampled every 100 ms while the pane was open, bytes.
        var peakRSS: Int
    }

    /// Runs the app against the loaded server on `port` with `policy`; while the scan runs it
    /// opens and closes the help overlay (`?`, `Esc`) every 100 ms and times each frame, for at
    /// most `limit`.
    static func measure(port: Int, policy: ScanLoadPolicy, limit: Duration = .seconds(3600)) async throws -> Result {
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: port), commandTimeout: .seconds(30))
        let state = AppState(addresses: ["127.0.0.1:\(port)"], width: 160, height: 48, now: MonotonicClock.now())
        let done = ["keys indexed in", "walked in"]
        let estimating = "of the keyspace visited"
        let probe = FrameProbe(markers: done + [estimating])
        let runtime = AppRuntime(
            state: state, connections: [ManagedConnection(options: options)], frameSink: { probe.receive($0) },
            dumpDirectory: NSTemporaryDirectory(), scanPolicy: policy, auditLog: nil)
        let running = Task { await runtime.run() }
        try await Task.sleep(for: .milliseconds(300))

        let rss = RSSSampler(every: .milliseconds(100))
        let entered = ContinuousClock.now
        _ = await probe.time({ runtime.send(.terminal(.key(.character("2")))) }, until: { $0.contains("Keyspace") })
        var latencies: [Double] = []
        func finishedAt() -> ContinuousClock.Instant? { done.compactMap { probe.seenAt($0) }.min() }
        while finishedAt() == nil, ContinuousClock.now - entered < limit {
            latencies.append(await probe.time({ runtime.send(.terminal(.key(.character("?")))) }, until: { $0.contains("Help: Keys") }))
            latencies.append(await probe.time({ runtime.send(.terminal(.key(.escape))) }, until: { !$0.contains("Help: Keys") }))
            try await Task.sleep(for: .milliseconds(100))
        }
        let finished = finishedAt()
        let indexSeconds = ((finished ?? .now) - entered).seconds
        let firstEstimate = probe.seenAt(estimating).map { ($0 - entered).seconds }
        let peakRSS = rss.finish()
        // Let the last snapshot settle, then quit with everything indexed.
        try await Task.sleep(for: .milliseconds(500))
        let quitStart = ContinuousClock.now
        runtime.send(.terminal(.key(.character("q"))))
        _ = await running.value
        return Result(
            keypressLatencies: latencies, indexSeconds: indexSeconds, finished: finished != nil, firstEstimateSeconds: firstEstimate,
            quitSeconds: (ContinuousClock.now - quitStart).seconds, peakRSS: peakRSS)
    }
}
