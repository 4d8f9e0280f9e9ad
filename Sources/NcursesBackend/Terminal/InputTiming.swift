import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Input → frame timing, measured inside the process: from the moment the terminal thread read an
/// input to the moment the frame that answers it is on the terminal (`doupdate` returned). Off
/// unless `CACHESCOPE_INPUT_TIMING` names a file; then each answered input adds one line to it,
/// the milliseconds taken. Benchmarks that drive the dashboard through tmux read it to tell the
/// dashboard's own latency from tmux's and the machine's.
///
/// Which frame answers an input is the application's to say (``NcursesTerminal/inputAnswered()``):
/// the terminal only stamps inputs in the order it hands them over.
struct InputTiming {
    /// The environment variable naming the file.
    static let variable = "CACHESCOPE_INPUT_TIMING"
    /// Inputs waiting for an answer beyond this many (an application that never answers) are dropped.
    static let capacity = 1024

    /// When each input handed over and not yet answered was read, oldest first.
    private var waiting: [ContinuousClock.Instant] = []
    /// How many of the waiting inputs the next frame handed to the terminal answers.
    private var answeredByNextFrame = 0
    /// The inputs the frame waiting to be drawn answers (kept when a newer frame replaces it).
    private var answeredByPendingFrame: [ContinuousClock.Instant] = []

    /// `count` inputs were read at `instant` and are being handed to the application.
    mutating func read(_ count: Int, at instant: ContinuousClock.Instant) {
        waiting += repeatElement(instant, count: count)
        if waiting.count > Self.capacity { waiting.removeFirst(waiting.count - Self.capacity) }
    }

    /// The application has taken in the oldest waiting input: the next frame answers it.
    mutating func answer() {
        answeredByNextFrame += 1
    }

    /// A frame was handed to the terminal: it answers the inputs taken in since the last one.
    mutating func frameHanded() {
        let answered = min(answeredByNextFrame, waiting.count)
        answeredByPendingFrame += waiting.prefix(answered)
        waiting.removeFirst(answered)
        answeredByNextFrame = 0
    }

    /// The inputs the frame being drawn now answers.
    mutating func takeAnswered() -> [ContinuousClock.Instant] {
        defer { answeredByPendingFrame = [] }
        return answeredByPendingFrame
    }
}

/// The file ``InputTiming`` writes to: one line per answered input, milliseconds from read to drawn.
/// Used on the terminal thread only.
final class InputTimingLog {
    private var descriptor: Int32

    /// Creates (or empties) the file at `path`.
    init(path: String) throws(TerminalError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .systemError("cannot open \(InputTiming.variable)=\(path): \(String(cString: strerror(errno)))")
        }
    }

    /// One line per input in `readAt`, all answered by the frame that was on the terminal at `drawnAt`.
    func record(_ readAt: [ContinuousClock.Instant], drawnAt: ContinuousClock.Instant) {
        guard descriptor >= 0, !readAt.isEmpty else { return }
        let text = readAt.map { String(format: "%.3f\n", Self.milliseconds(drawnAt - $0)) }.joined()
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// A session whose set-up failed after opening the file closes it here.
    deinit { end() }

    /// Closes the file; later records are dropped.
    func end() {
        guard descriptor >= 0 else { return }
        _ = close(descriptor)
        descriptor = -1
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
