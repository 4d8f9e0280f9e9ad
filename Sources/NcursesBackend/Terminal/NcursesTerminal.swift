import Dispatch
import Foundation
import Synchronization
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, driven by ncurses on one dedicated thread.
///
/// ```swift
/// let code = try await NcursesTerminal.withTerminal { terminal in
///     terminal.draw(render(state))
///     for await event in terminal.events { … terminal.draw(render(state)) … }
///     return 0
/// }
/// ```
///
/// - Threading: ncurses is not thread-safe, so one thread makes every ncurses call. It
///   sleeps in `poll()` on standard input and a wake-up pipe: no CPU is used while idle.
///   `draw(_:)`, `stop()` and the properties may be used from any thread or task.
/// - Leaving: the terminal is restored (`endwin`, bracketed paste off) by `stop()`, by
///   SIGTERM / SIGHUP / SIGINT, by `withTerminal` when its body throws, at `exit()` (an
///   `atexit` hook), and on a crash (terminal modes and screen put back by the fault handler).
/// - Signals: after SIGTERM, SIGHUP or SIGINT the terminal is restored, then the process
///   exits with 128 + the signal number, unless a handler was set with `onSignal(_:)`: then
///   the handler is called, `events` finishes, and the application shuts down and exits.
public final class NcursesTerminal: Sendable {
    /// Keys, pastes and resizes, in order. Finishes when the terminal stops.
    public let events: AsyncStream<TerminalEvent>
    /// The colours frames should be rendered for (themes downsample to this).
    public let colorSupport: ColorSupport
    /// Whether the locale is UTF-8: when false, render with ASCII symbols (non-ASCII is
    /// drawn as `?`).
    public let unicode: Bool

    private let channel: TerminalChannel

    private init(setup: TerminalSetup, channel: TerminalChannel, events: AsyncStream<TerminalEvent>) {
        self.colorSupport = setup.colorSupport
        self.unicode = setup.unicode
        self.channel = channel
        self.events = events
    }

    /// Takes over the terminal: UTF-8 locale detection, curses mode (raw keys, no echo,
    /// keypad, 25 ms Esc delay, hidden cursor, alternate screen), colours and bracketed paste.
    ///
    /// - Parameters:
    ///   - colorPreference: `.noColor` for `--no-color`; `NO_COLOR` in `environment` has the same effect.
    ///   - environment: read for `NO_COLOR`, `COLORTERM` and `TERM` (for error messages).
    /// - Returns: the running terminal; call `stop()` when done (or use `withTerminal`).
    /// - Throws: `TerminalError` when standard input/output is not a terminal, `TERM` is
    ///   unknown, or a terminal is already running in this process.
    public static func start(
        colorPreference: ColorPreference = .automatic,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TerminalError) -> NcursesTerminal {
        let wake = try WakePipe()
        let (events, continuation) = AsyncStream.makeStream(of: TerminalEvent.self, bufferingPolicy: .unbounded)
        let channel = TerminalChannel(wake: wake, continuation: continuation)
        let outcome = Mutex<Result<TerminalSetup, TerminalError>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        channel.finished.enter()

        let thread = Thread {
            let session = TerminalSession(channel: channel)
            let setup: TerminalSetup
            do throws(TerminalError) {
                setup = try session.setUp(preference: colorPreference, environment: environment)
            } catch {
                outcome.withLock { $0 = .failure(error) }
                ready.signal()
                return
            }
            outcome.withLock { $0 = .success(setup) }
            ready.signal()
            session.run()
        }
        thread.name = "cachescope.terminal"
        thread.start()
        ready.wait()

        switch outcome.withLock({ $0 }) {
        case .success(let setup):
            return NcursesTerminal(setup: setup, channel: channel, events: events)
        case .failure(let error):
            wake.close()
            continuation.finish()
            throw error
        case nil:
            throw .systemError("the terminal thread did not report back")
        }
    }

    /// Runs `body` with a started terminal and always stops it afterwards, also when `body`
    /// throws, so an error never leaves the terminal in curses mode.
    public static func withTerminal<Result>(
        colorPreference: ColorPreference = .automatic,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (NcursesTerminal) async throws -> Result
    ) async throws -> Result {
        let terminal = try start(colorPreference: colorPreference, environment: environment)
        defer { terminal.stop() }
        return try await body(terminal)
    }

    /// The screen's size now (it changes with `.resize` events).
    public var size: TerminalSize {
        channel.mailbox.withLock { $0.size }
    }

    /// Whether the terminal is still up (false after `stop()` or a terminating signal).
    public var isRunning: Bool {
        channel.mailbox.withLock { !$0.finished }
    }

    /// Hands `buffer` to the terminal thread to draw; returns at once. If frames come faster
    /// than they are drawn, only the newest is drawn. Only the cells that differ from the
    /// previous frame are written; after a resize the whole frame is. Ignored once stopped.
    public func draw(_ buffer: Buffer) {
        channel.post { box in
            box.pendingFrame = buffer
            box.inputTiming?.frameHanded()
        }
    }

    /// Says that the application has taken in the oldest input from `events` not yet answered,
    /// so the next frame handed to `draw(_:)` answers it. Only input timing uses this (off unless
    /// `CACHESCOPE_INPUT_TIMING` names a file, see ``InputTiming``); it costs nothing otherwise.
    public func inputAnswered() {
        channel.mailbox.withLock { $0.inputTiming?.answer() }
    }

    /// Restores the terminal (bracketed paste off, `endwin`) and finishes `events`.
    /// Returns once the terminal is restored; safe to call more than once, from any thread.
    public func stop() {
        let waitForThread = channel.mailbox.withLock { box -> Bool in
            guard !box.finished else { return false }
            if let thread = box.threadID, pthread_equal(thread, pthread_self()) != 0 { return false }
            return true
        }
        channel.post { $0.stopRequested = true }
        if waitForThread { channel.finished.wait() }
    }

    /// Sets what happens after SIGTERM, SIGHUP or SIGINT (Ctrl-C is a key, not a signal, in
    /// raw mode; these come from `kill` or a closed window). The terminal is restored first;
    /// then `handler` is called with the signal number on the terminal thread, after which
    /// `events` finishes, and the process does not exit by itself: the application shuts
    /// down and calls `exit` (e.g. with 128 + the signal number). With no handler (`nil`,
    /// the default) the process exits with status 128 + the signal number right away.
    public func onSignal(_ handler: (@Sendable (Int32) -> Void)?) {
        channel.mailbox.withLock { $0.signalHandler = handler }
    }
}
