/// What `update` asks the runtime to do on the network or disk side. Effects run off the
/// UI loop and report back as messages.
public enum AppEffect: Sendable, Equatable {
    case quit
    case loadTheme(String)
    /// Write the current screen (text) and figures (JSON) to timestamped files.
    case dumpScreen
}
