/// One line of styled text: spans drawn one after another, with a base style under them.
/// A literal or an interpolation makes a line of one plain span (`"\(count) keys"`), built
/// like any `DisplayText`.
public struct Line: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var spans: [Span]
    /// Laid under every span (and over the blank rest of the row when a widget fills it).
    public var style: Style
    public var alignment: Alignment

    public init(_ spans: [Span], style: Style = .plain, alignment: Alignment = .left) {
        self.spans = spans
        self.style = style
        self.alignment = alignment
    }

    /// A line of one plain span.
    public init(_ text: DisplayText, style: Style = .plain, alignment: Alignment = .left) {
        self.init([Span(text)], style: style, alignment: alignment)
    }

    /// A line of the app's own words.
    public init(stringLiteral value: StaticString) {
        self.init(DisplayText(stringLiteral: value))
    }

    /// A line of interpolated text, each value sanitised (see `DisplayText`).
    public init(stringInterpolation: DisplayText.StringInterpolation) {
        self.init(DisplayText(stringInterpolation: stringInterpolation))
    }

    /// Columns the line takes on screen.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text.description).joined() }

    /// Draws the line in `area`'s first row, aligned, cut at the area's right edge.
    /// - Returns: the column after the last one written.
    @discardableResult
    public func render(in area: Rect, buffer: inout Buffer) -> Int {
        guard !area.isEmpty else { return area.x }
        var x = area.x
        if alignment != .left {
            let free = max(0, area.width - width)
            x += alignment == .center ? free / 2 : free
        }
        for span in spans {
            if x >= area.right { break }
            x = buffer.setString(x, area.y, span.text, style: style.patched(with: span.style), maxWidth: area.right - x)
        }
        return x
    }
}

/// Horizontal placement of text inside its area.
public enum Alignment: Sendable, Hashable {
    case left, center, right
}
