/// What the application asks of colour, before the terminal has a say.
public enum ColorPreference: Sendable, Hashable {
    /// Use what the terminal offers; `NO_COLOR` in the environment still turns colour off.
    case automatic
    /// No colour at all (`--no-color`): cells are drawn with attributes only.
    case noColor
}
