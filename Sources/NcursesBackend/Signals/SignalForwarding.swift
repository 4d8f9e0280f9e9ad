import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide signal plumbing for the one running terminal.
///
/// Signal handlers may only do async-signal-safe things, so they never touch ncurses: they
/// write the signal number into the terminal's wake pipe and the terminal thread restores
/// the screen (`endwin`) itself. The descriptor lives in an atomic because handlers run on
/// whatever thread the kernel picks.
enum SignalForwarding {
    /// Signals that end the program: the terminal is restored, then the app decides.
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals forwarded to the terminal thread as they come.
    static let forwarded: [Int32] = terminating + [SIGWINCH]

    /// Installs the forwarding handlers, remembering the previous ones for `uninstall()`.
    /// Call on the terminal thread: it unblocks the signals there, so they are delivered
    /// even when the process inherited a mask that blocks them (some launchers do).
    static func install(wakeDescriptor: Int32) {
        wakeTarget.store(wakeDescriptor, ordering: .sequentiallyConsistent)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signo in forwarded { sigaddset(&unblock, signo) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signo in forwarded {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = forwardSignal
            sigemptyset(&action.sa_mask)
            // SA_RESTART keeps unrelated blocking calls (file reads on other threads) from
            // failing with EINTR; poll() on the terminal thread is woken by the pipe anyway.
            action.sa_flags = SA_RESTART
            var previous = sigaction()
            sigaction(signo, &action, &previous)
            previousActions.withLock { $0[signo] = SavedAction(previous) }
        }
    }

    /// Puts back the handlers that were there before `install`.
    static func uninstall() {
        wakeTarget.store(-1, ordering: .sequentiallyConsistent)
        let saved = previousActions.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
        for (signo, action) in saved {
            var previous = action.value
            sigaction(signo, &previous, nil)
        }
    }

    /// Where handlers write; -1 when no terminal is running.
    fileprivate static let wakeTarget = Atomic<Int32>(-1)

    private static let previousActions = Mutex<[Int32: SavedAction]>([:])
}

/// A `sigaction` value carried across threads (it holds only a function pointer and flags).
private struct SavedAction: @unchecked Sendable {
    let value: sigaction
    init(_ value: sigaction) { self.value = value }
}

/// The handler: one byte, the signal number, into the wake pipe. Keeps errno intact, as a
/// handler must.
private func forwardSignal(_ signo: Int32) {
    let savedErrno = errno
    let fd = SignalForwarding.wakeTarget.load(ordering: .relaxed)
    if fd >= 0 {
        var byte = UInt8(truncatingIfNeeded: signo)
        _ = write(fd, &byte, 1)
    }
    errno = savedErrno
}
