/// A run of text drawn in one style. The text is drawn as given: sanitise what came from Redis
/// (`Sanitizer.display`) before putting it in a span.
public struct Span: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the span takes on screen.
    public var width: Int { DisplayWidth.of(text) }
}
