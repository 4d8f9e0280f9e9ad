/// What the terminal reports to the application: keys, pasted text, size changes.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    /// Text pasted in one go (bracketed paste), delivered whole rather than as keys.
    case paste(String)
    /// The terminal now has this many columns and rows; the next frame must be drawn in full.
    case resize(width: Int, height: Int)
}
