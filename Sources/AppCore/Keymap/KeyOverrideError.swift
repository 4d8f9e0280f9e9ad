/// A `[keys]` entry of config.toml the keymap cannot apply: the action name as written and why.
/// The config loader puts it on the entry's line.
public struct KeyOverrideError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The entry's action name, as written.
    public var name: String
    public var reason: String

    public var description: String { "\(name): \(reason)" }
}
