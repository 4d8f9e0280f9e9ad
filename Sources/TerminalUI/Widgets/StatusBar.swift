/// The bottom (or top) row: segments on the left, segments on the right, the row filled with
/// one style. When they collide the right side wins and the left is cut.
public struct StatusBar: Widget, Sendable, Hashable {
    public var left: [Span]
    public var right: [Span]
    public var style: Style
    public var symbols: Symbols

    public init(left: [Span], right: [Span] = [], style: Style = .plain, symbols: Symbols = .unicode) {
        self.left = left
        self.right = right
        self.style = style
        self.symbols = symbols
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, with: Cell.blank.styled(style))
        var rightLine = Line(right, style: style)
        rightLine.fit(to: row.width, ellipsis: symbols.ellipsis)
        let rightWidth = rightLine.width
        let rightX = row.right - rightWidth
        rightLine.render(in: Rect(x: rightX, y: row.y, width: rightWidth, height: 1), buffer: &buffer)
        let leftRoom = max(0, rightX - row.x - (rightWidth > 0 ? 1 : 0))
        var leftLine = Line(left, style: style)
        leftLine.fit(to: leftRoom, ellipsis: symbols.ellipsis)
        leftLine.render(in: Rect(x: row.x, y: row.y, width: leftRoom, height: 1), buffer: &buffer)
    }
}
