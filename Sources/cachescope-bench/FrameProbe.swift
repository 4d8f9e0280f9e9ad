import Synchronization
import TerminalUI

/// Watches the frames an ``AppRuntime`` draws into its frame sink: the newest frame's text, the
/// first moment a frame showed `marker`, and one pending wait for a frame condition, which is how
/// the benchmarks time a keypress to the frame that shows its effect.
///
/// Several markers can be timed at once (``seenAt(_:)``): e.g. when estimates first show, and
/// when the walk is done.
final class FrameProbe: Sendable {
    private struct Waiter: Sendable {
        var condition: @Sendable (String) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }
    private let markers: [String]
    private let waiter = Mutex<Waiter?>(nil)
    private let latest = Mutex<String>("")
    private let marked = Mutex<[String: ContinuousClock.Instant]>([:])

    /// - Parameter marker: text whose first appearance is timed (see ``markerSeenAt``).
    convenience init(marker: String? = nil) {
        self.init(markers: marker.map { [$0] } ?? [])
    }

    /// - Parameter markers: texts whose first appearances are timed (see ``seenAt(_:)``).
    init(markers: [String]) {
        self.markers = markers
    }

    /// The newest frame's text, lines joined by newlines.
    var text: String { latest.withLock { $0 } }

    /// When a frame first contained the first marker.
    var markerSeenAt: ContinuousClock.Instant? { markers.first.flatMap { seenAt($0) } }

    /// When a frame first contained `marker` (one of the markers given at init).
    func seenAt(_ marker: String) -> ContinuousClock.Instant? { marked.withLock { $0[marker] } }

    /// The frame sink: records the frame and releases a waiter whose condition it meets.
    func receive(_ frame: Buffer) {
        let text = frame.textLines().joined(separator: "\n")
        latest.withLock { $0 = text }
        for marker in markers where text.contains(marker) {
            marked.withLock { seen in
                if seen[marker] == nil { seen[marker] = ContinuousClock.now }
            }
        }
        let ready = waiter.withLock { current -> CheckedContinuation<Void, Never>? in
            guard let pending = current, pending.condition(text) else { return nil }
            current = nil
            return pending.continuation
        }
        ready?.resume()
    }

    /// Runs `action`, then waits for a frame matching `condition`; returns the seconds taken.
    func time(_ action: () -> Void, until condition: @escaping @Sendable (String) -> Bool) async -> Double {
        let start = ContinuousClock.now
        await withCheckedContinuation { continuation in
            waiter.withLock { $0 = Waiter(condition: condition, continuation: continuation) }
            action()
        }
        return (ContinuousClock.now - start).seconds
    }

    /// Polls the newest frame until `condition` holds or `timeout` passes.
    func wait(for condition: (String) -> Bool, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(text) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(text)
    }
}
