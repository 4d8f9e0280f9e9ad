/// What a key did to an `InputLineState`.
public enum InputLineEvent: Sendable, Hashable {
    /// The text changed.
    case edited
    /// Only the cursor or the history position moved.
    case moved
    /// `Enter`: the text (now in the history; the line is cleared).
    case submitted(String)
    /// `Esc` or `Ctrl-C`: the caller closes the line.
    case cancelled
    /// The key means nothing to an input line.
    case ignored
}
