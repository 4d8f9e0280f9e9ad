import TerminalUI

/// What is drawn over the current pane and takes the keys first.
public enum Overlay: Sendable, Equatable {
    /// The help overlay, scrolled by `scroll` lines.
    case help(scroll: Int)
    /// The `:` command line.
    case command(InputLineState)
}
