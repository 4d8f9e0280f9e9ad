import AppCore
import Foundation
import Inspector
import RedisClient
import Runtime
import Synchronization
import TerminalUI

/// The dashboard itself (AppRuntime with its real network side, drawing into buffers instead of
/// a terminal) while it indexes a big keyspace: how long a keypress takes to reach a frame during
/// the scan, how long the index takes under the given policy, and how long quitting takes once
/// everything is indexed.
enum KeyspaceResponsiveness {
    struct Result {
        /// Keypress → first frame showing its effect, seconds, measured while the scan ran.
        var keypressLatencies: [Double]
        /// Seconds from entering the keys pane to the first frame saying "keys indexed in".
        var indexSeconds: Double
        /// Seconds from `q` to `run()` returning, with the whole keyspace indexed.
        var quitSeconds: Double
    }

    /// Runs the app against the loaded server on `port` with `policy`; while the scan runs it
    /// opens and closes the help overlay (`?`, `Esc`) every 100 ms and times each frame.
    static func measure(port: Int, policy: ScanLoadPolicy) async throws -> Result {
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: port), commandTimeout: .seconds(30))
        let state = AppState(addresses: ["127.0.0.1:\(port)"], width: 160, height: 48, now: MonotonicClock.now())
        let probe = FrameProbe(marker: "keys indexed in")
        let runtime = AppRuntime(
            state: state, connections: [ManagedConnection(options: options)], frameSink: { probe.receive($0) },
            dumpDirectory: NSTemporaryDirectory(), scanPolicy: policy, auditLog: nil)
        let running = Task { await runtime.run() }
        try await Task.sleep(for: .milliseconds(300))

        let entered = ContinuousClock.now
        _ = await probe.time({ runtime.send(.terminal(.key(.character("2")))) }, until: { $0.contains("Keyspace") })
        var latencies: [Double] = []
        while probe.markerSeenAt == nil {
            latencies.append(await probe.time({ runtime.send(.terminal(.key(.character("?")))) }, until: { $0.contains("Help: Keys") }))
            latencies.append(await probe.time({ runtime.send(.terminal(.key(.escape))) }, until: { !$0.contains("Help: Keys") }))
            try await Task.sleep(for: .milliseconds(100))
        }
        let indexSeconds = ((probe.markerSeenAt ?? .now) - entered).seconds
        // Let the last snapshot settle, then quit with everything indexed.
        try await Task.sleep(for: .milliseconds(500))
        let quitStart = ContinuousClock.now
        runtime.send(.terminal(.key(.character("q"))))
        _ = await running.value
        return Result(keypressLatencies: latencies, indexSeconds: indexSeconds, quitSeconds: (ContinuousClock.now - quitStart).seconds)
    }
}
