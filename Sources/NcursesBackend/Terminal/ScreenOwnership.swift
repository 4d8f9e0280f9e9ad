import CNcursesw
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who holds the ncurses screen, process-wide: ncurses drives one screen per process.
///
/// The terminal thread does all its ncurses work while holding this lock, so the `atexit`
/// hook (which may run on any thread) can restore the terminal without racing a draw.
enum ScreenOwnership {
    static let lock = Mutex<Bool>(false)  // true while a screen is up

    /// Leaves bracketed paste and ends curses mode. Call with `lock` held.
    static func restoreTerminal() {
        writeToTerminal(bracketedPasteOff)
        endwin()
    }

    static let bracketedPasteOn = "\u{1b}[?2004h"
    static let bracketedPasteOff = "\u{1b}[?2004l"

    /// Writes raw bytes straight to standard output (sequences ncurses has no capability for).
    static func writeToTerminal(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Registers, once, an `atexit` hook that restores a terminal still up when the process
    /// exits without `stop()` (e.g. `exit()` called from elsewhere).
    static func registerExitHook() {
        _ = exitHookRegistration
    }

    private static let exitHookRegistration: Void = {
        atexit {
            ScreenOwnership.lock.withLock { active in
                guard active else { return }
                ScreenOwnership.restoreTerminal()
                active = false
            }
        }
    }()
}
