/// Why a theme could not be loaded. The description names the file (and line, when known)
/// and fits on one line, ready for the status bar or stderr.
public enum ThemeLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No bundled theme by that name and no such file.
    case notFound(name: String, bundled: [String])
    /// The file exists but could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not valid TOML.
    case syntax(file: String, line: Int, column: Int, message: String)

    public var description: String {
        switch self {
        case .notFound(let name, let bundled):
            return "theme \"\(name)\" not found: not a file, and not one of the bundled themes (\(bundled.joined(separator: ", ")))"
        case .unreadable(let file, let reason):
            return "\(file): cannot read theme: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): invalid theme file: \(message)"
        }
    }
}
