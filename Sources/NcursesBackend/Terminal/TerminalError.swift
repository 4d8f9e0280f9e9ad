/// Why the terminal could not be taken over.
public enum TerminalError: Error, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run from a script).
    case notATerminal
    /// ncurses could not set the terminal up, e.g. `TERM` names no known terminal.
    case initializationFailed(String)
    /// Another `NcursesTerminal` is still running: ncurses drives one screen per process.
    case alreadyRunning
    /// The wake-up pipe, the terminal thread or the input-timing file could not be created.
    case systemError(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "cachescope needs a terminal: standard input and output must be a tty"
        case .initializationFailed(let reason):
            return "cannot initialise the terminal: \(reason)"
        case .alreadyRunning:
            return "the terminal is already in use by this process"
        case .systemError(let reason):
            return "terminal setup failed: \(reason)"
        }
    }
}
