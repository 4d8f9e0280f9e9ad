/// Lines of styled text, optionally wrapped to the area's width, scrolled by rows.
/// Used for values, messages and any long text (`TextView` is the same widget).
public struct Paragraph: Widget, Sendable, Hashable {
    public var lines: [Line]
    /// Wrap long lines by display width instead of cutting them.
    public var wrap: Bool
    /// Rows (after wrapping) scrolled off the top.
    public var scroll: Int
    /// Laid over the whole area first.
    public var style: Style

    public init(_ lines: [Line], wrap: Bool = true, scroll: Int = 0, style: Style = .plain) {
        self.lines = lines
        self.wrap = wrap
        self.scroll = scroll
        self.style = style
    }

    /// A paragraph of plain text, split at newlines. Sanitised text has none (the sanitiser
    /// turns a newline into `\n`), so split a value into lines before it becomes display text.
    public init(text: DisplayText, style: Style = .plain, wrap: Bool = true, scroll: Int = 0) {
        let lines = text.description.split(separator: "\n", omittingEmptySubsequences: false)
        self.init(lines.map { Line(DisplayText(trusted: String($0))) }, wrap: wrap, scroll: scroll, style: style)
    }

    /// The rows the text takes at `width` (after wrapping), for clamping `scroll`.
    public func rowCount(width: Int) -> Int {
        wrap ? lines.reduce(0) { $0 + TextWrap.wrap($1, width: width).count } : lines.count
    }

    /// The largest useful `scroll` for an area of this size.
    public func maxScroll(for area: Rect) -> Int {
        max(0, rowCount(width: area.width) - area.height)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        if style != .plain { buffer.setStyle(area, style) }
        var row = 0
        let first = max(0, scroll)
        for line in lines {
            let pieces = wrap ? TextWrap.wrap(line, width: area.width) : [line]
            for piece in pieces {
                defer { row += 1 }
                if row < first { continue }
                let y = area.y + row - first
                if y >= area.bottom { return }
                piece.render(in: area.row(y - area.y), buffer: &buffer)
            }
        }
    }
}

/// A scrollable, wrapping text view: the same widget as `Paragraph`.
public typealias TextView = Paragraph
