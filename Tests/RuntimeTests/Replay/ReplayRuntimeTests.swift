import AppCore
import Foundation
import Inspector
import Recording
import Runtime
import Synchronization
import TerminalUI
import Testing

/// The replay runtime on a recording file, frames read as text: the alert bar shows the recorded
/// transitions at the clock, never alerts worked out again from the samples.
@Suite("Replay runtime: recorded alerts at the clock")
struct ReplayRuntimeTests {
    /// One node, 14:00:00 UTC + 0…60 s: 90% hits, 50% from 20 s to 40 s; hit-ratio-low recorded
    /// firing at 25 s and resolved at 45 s (not at 20 s, where the samples first breach).
    private func makeRecording() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString)-replay.db").path
        let db = try SQLiteDatabase.createRecording(path: path, startedAtMilliseconds: 1_764_943_200_000, meta: ["label": "test", "interval_ms": "1000"])
        try db.execute("INSERT INTO nodes VALUES (0, '10.0.0.1:6379', 0)")
        try db.execute("INSERT INTO node_states VALUES (0, 0, 'master', 0, 'allkeys-lru', 'redis', '7.0.15')")
        let insert = try db.prepare("INSERT INTO samples VALUES (?, 0, 250, 100, ?, ?, 0, 0, 5000, 3, 0, 42, NULL)")
        for second in 0...60 {
            let low = (21...40).contains(second)
            try insert.run([.integer(Int64(second) * 1000), .integer(low ? 50 : 90), .integer(low ? 50 : 10)])
        }
        try db.execute(
            "INSERT INTO alerts VALUES (25000, 0, 'hit-ratio-low', 'warning', 'firing', '10.0.0.1:6379: value 0.5 (threshold 0.8)'), (45000, 0, 'hit-ratio-low', 'warning', 'resolved', '10.0.0.1:6379: value 0.9 (threshold 0.8)')"
        )
        return path
    }

    @Test(":goto before, during and after the recorded alert; a breach with no recorded transition shows none")
    func recordedAlerts() async throws {
        let path = try makeRecording()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let frame = Mutex("")
        // Rules that would fire at the first breach (20 s) if the replay evaluated them.
        let rules = [AlertRule(name: "hit-ratio-low", metric: .hitRatio, comparison: .below, threshold: 0.8, duration: 0)]
        let state = AppState(addresses: [], alertRules: rules, width: 160, height: 40)
        let runtime = try ReplayRuntime(state: state, path: path) { buffer in frame.withLock { $0 = buffer.text } }
        let loop = Task { await runtime.run() }
        func press(_ keys: String) { for character in keys { runtime.send(.terminal(.key(.character(character)))) } }
        func goto(_ time: String) {
            press(":goto \(time)")
            runtime.send(.terminal(.key(.enter)))
        }
        func screen(containing texts: [String]) async -> String {
            for _ in 0..<100 {
                let text = frame.withLock { $0 }
                if texts.allSatisfy(text.contains) { return text }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return frame.withLock { $0 }
        }
        press(" ")
        goto("14:00:22")
        var text = await screen(containing: ["PAUSED 14:00:22", "hit ratio 50%"])
        #expect(text.contains("hit ratio 50%"))
        #expect(text.contains("no alerts"), "the samples breach, but no transition was recorded yet")
        goto("14:00:30")
        text = await screen(containing: ["PAUSED 14:00:30", "FIRING"])
        #expect(text.contains("1 FIRING  hit-ratio-low 10.0.0.1:6379 50% for 5s"))
        press("t")
        text = await screen(containing: ["PAUSED 14:00:45"])
        #expect(text.contains("no alerts"))
        goto("14:00:35")
        text = await screen(containing: ["PAUSED 14:00:35"])
        #expect(text.contains("FIRING  hit-ratio-low"), "a jump back shows it firing again")
        runtime.send(.terminal(.key(.character("q"))))
        await loop.value
    }
}
