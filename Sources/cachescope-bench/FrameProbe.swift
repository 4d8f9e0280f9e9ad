import Synchronization
import TerminalUI

/// Watches the frames an ``AppRuntime`` draws into its frame sink: the newest frame's text, the
/// first moment a frame showed `marker`, and one pending wait for a frame condition, which is how
/// the benchmarks time a keypress to the frame that shows its effect.
final class FrameProbe: Sendable {
    private struct Waiter: Sendable {
        var condition: @Sendable (String) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }
    private let marker: String?
    private let waiter = Mutex<Waiter?>(nil)
    private let latest = Mutex<String>("")
    private let marked = Mutex<ContinuousClock.Instant?>(nil)

    /// - Parameter marker: text whose first appearance is timed (see ``markerSeenAt``).
    init(marker: String? = nil) {
        self.marker = marker
    }

    /// The newest frame's text, lines joined by newlines.
    var text: String { latest.withLock { $0 } }

    /// When a frame first contained `marker`.
    var markerSeenAt: ContinuousClock.Instant? { marked.withLock { $0 } }

    /// The frame sink: records the frame and releases a waiter whose condition it meets.
    func receive(_ frame: Buffer) {
        let text = frame.textLines().joined(separator: "\n")
        latest.withLock { $0 = text }
        if let marker, text.contains(marker) { marked.withLock { $0 = $0 ?? ContinuousClock.now } }
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
