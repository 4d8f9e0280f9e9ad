/// A key name in a config file that is not understood.
public struct KeyParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name as written.
    public var name: String

    public init(name: String) {
        self.name = name
    }

    public var description: String {
        "unknown key name \"\(name)\" (examples: q, G, Ctrl-C, Shift-Tab, Enter, Esc, Space, Up, PgDn, Home, F5)"
    }
}
