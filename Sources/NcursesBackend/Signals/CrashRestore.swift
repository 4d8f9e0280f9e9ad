import CNcursesw
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last line of defence: if the process crashes (a trap, a fault, an abort) or exits
/// without stopping the terminal, the tty is put back the way it was found.
///
/// A crashing process cannot run `endwin()` (not async-signal-safe, and ncurses' state may be
/// what crashed), so the crash handler does what is safe: `tcsetattr` with the termios saved
/// before ncurses started, and a `write` of the sequences that leave bracketed paste and the
/// alternate screen and show the cursor. Then it puts back the previous handler (Swift's
/// backtracer, or the default) and returns, so the signal is raised again and handled as usual.
enum CrashRestore {
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Bracketed paste off, normal screen, cursor visible, attributes reset.
    static let resetSequence: [UInt8] = Array("\u{1b}[?2004l\u{1b}[?1049l\u{1b}[?25h\u{1b}[0m\r\n".utf8)

    /// Saves the terminal modes of standard input and installs the crash handlers.
    static func arm() {
        guard tcgetattr(STDIN_FILENO, state.termios) == 0 else { return }
        for signo in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreOnCrash
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_NODEFER
            sigaction(signo, &action, state.previous.advanced(by: Int(signo)))
        }
        state.armed.store(true, ordering: .sequentiallyConsistent)
    }

    /// Removes the crash handlers after a clean stop.
    static func disarm() {
        guard state.armed.exchange(false, ordering: .sequentiallyConsistent) else { return }
        for signo in crashSignals {
            sigaction(signo, state.previous.advanced(by: Int(signo)), nil)
        }
    }

    /// Storage the handler reads without allocating: allocated once, never freed.
    fileprivate final class State: @unchecked Sendable {
        let termios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        let reset = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: CrashRestore.resetSequence.count)
        let armed = Atomic<Bool>(false)

        init() {
            termios.initialize(to: Glibc.termios())
            previous.initialize(repeating: sigaction(), count: 65)
            _ = reset.initialize(from: CrashRestore.resetSequence)
        }
    }

    fileprivate static let state = State()
}

private func restoreOnCrash(_ signo: Int32) {
    let state = CrashRestore.state
    if state.armed.exchange(false, ordering: .relaxed) {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, state.termios)
        _ = write(STDOUT_FILENO, state.reset.baseAddress, state.reset.count)
    }
    // Hand the signal on: the previous handler runs when the fault repeats (or abort re-raises).
    sigaction(signo, state.previous.advanced(by: Int(signo)), nil)
}
