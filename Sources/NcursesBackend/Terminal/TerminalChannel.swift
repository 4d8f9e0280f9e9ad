import Dispatch
import Synchronization
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the public `NcursesTerminal` and its terminal thread share: a lock-guarded mailbox
/// (newest frame, stop request, signal hook), the wake pipe and the event stream.
final class TerminalChannel: Sendable {
    struct Mailbox {
        var size: TerminalSize
        /// The newest frame not yet drawn; a newer one replaces it (frames coalesce).
        var pendingFrame: Buffer?
        /// A wake byte is in the pipe and not yet acted on: no need to write another.
        var wakePending = false
        var stopRequested = false
        /// The terminal has been restored and the thread is gone (or going).
        var finished = false
        var signalHandler: (@Sendable (Int32) -> Void)?
        /// The terminal thread, so `stop()` called on it does not wait for itself.
        var threadID: pthread_t?
        /// Input → frame timing, when `CACHESCOPE_INPUT_TIMING` turned it on.
        var inputTiming: InputTiming?
    }

    let mailbox: Mutex<Mailbox>
    let wake: WakePipe
    let continuation: AsyncStream<TerminalEvent>.Continuation
    /// Left when the terminal thread has restored the terminal.
    let finished = DispatchGroup()

    init(wake: WakePipe, continuation: AsyncStream<TerminalEvent>.Continuation) {
        self.mailbox = Mutex(Mailbox(size: TerminalSize(width: 0, height: 0)))
        self.wake = wake
        self.continuation = continuation
    }

    /// Runs `update` on the mailbox and wakes the terminal thread, unless it has finished.
    /// The wake byte is written under the lock so it never reaches a pipe already closed.
    func post(_ update: (inout Mailbox) -> Void) {
        mailbox.withLock { box in
            guard !box.finished else { return }
            update(&box)
            if !box.wakePending {
                box.wakePending = true
                wake.wake()
            }
        }
    }
}
