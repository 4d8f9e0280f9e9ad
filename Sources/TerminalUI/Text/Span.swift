/// A run of text drawn in one style. The text is `DisplayText`, so whatever came from Redis
/// has been through the sanitiser before it got here.
public struct Span: Sendable, Hashable {
    public var text: DisplayText
    public var style: Style

    /// `text` in `style` (over the line's style).
    public init(_ text: DisplayText, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Columns the span takes on screen.
    public var width: Int { text.width }
}
