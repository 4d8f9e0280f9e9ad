/// Text that is safe to put on screen: the only kind of text `Buffer`, `Span`, `Line`, `Cell`
/// and the widgets accept.
///
/// There are three ways to make one, and only the first skips the sanitiser:
/// - a string literal: the app's own words (`"no keys match"`), kept as written. The literal
///   type is `StaticString`, so a `String` cannot pass for a literal;
/// - string interpolation: the literal parts are kept, and every interpolated value (a
///   `String`, a number, anything `CustomStringConvertible`, `ServerBytes`) goes through the
///   sanitiser, except a `DisplayText`, which is safe already and is kept as it is;
/// - `DisplayText(sanitizing:)` for a string and `DisplayText(_:)` for `ServerBytes`.
///
/// So control bytes and escape sequences reach the screen only as visible escapes (`\x1b`), and
/// text that was escaped once is never escaped again (a backslash is not doubled twice).
///
///     Span("scan failed: \(message)", style: theme.critical)   // message sanitised
///     Line(DisplayText(ServerBytes(key)))                       // the key's bytes sanitised
///     let count: DisplayText = "\(n) keys · \(title)"            // title: DisplayText, kept
public struct DisplayText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The text as it is drawn.
    public private(set) var description: String

    /// Text TerminalUI knows to be safe: pieces of other `DisplayText` (a prefix, a character,
    /// a join) or the widgets' own glyphs. Not for text from outside the module.
    init(trusted string: String) {
        description = string
    }

    /// A string literal: the app's own words, drawn as written.
    public init(stringLiteral value: StaticString) {
        description = value.description
    }

    /// Interpolated text: literal parts as written, interpolated values sanitised.
    public init(stringInterpolation: StringInterpolation) {
        description = stringInterpolation.output
    }

    /// Any string (a server's error text, an address, a client name, a config value) with
    /// control characters and escape sequences made visible.
    public init(sanitizing string: some StringProtocol) {
        description = Sanitizer.display(String(string))
    }

    /// No text.
    public static let empty = DisplayText(trusted: "")

    /// Whether there is no text.
    public var isEmpty: Bool { description.isEmpty }

    /// Columns the text takes on screen.
    public var width: Int { DisplayWidth.of(description) }

    /// Whether the text as drawn contains `other`.
    public func contains(_ other: some StringProtocol) -> Bool {
        description.contains(other)
    }

    /// Adds `other` at the end.
    public mutating func append(_ other: DisplayText) {
        description += other.description
    }
}
