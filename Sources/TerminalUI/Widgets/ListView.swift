/// A vertical list of lines with a selected item kept in view.
public struct ListView: StatefulWidget, Sendable, Hashable {
    public var items: [Line]
    public var style: Style
    public var highlightStyle: Style
    /// Drawn before the selected item; the same width of blank before the others. Empty for none.
    public var highlightSymbol: DisplayText
    public var symbols: Symbols

    public init(
        _ items: [Line],
        style: Style = .plain,
        highlightStyle: Style = Style(modifiers: .reverse),
        highlightSymbol: DisplayText = .empty,
        symbols: Symbols = .unicode
    ) {
        self.items = items
        self.style = style
        self.highlightStyle = highlightStyle
        self.highlightSymbol = highlightSymbol
        self.symbols = symbols
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout ListState) {
        guard !area.isEmpty else { return }
        if style != .plain { buffer.setStyle(area, style) }
        state.scrollToSelection(visibleRows: area.height, count: items.count)
        guard state.offset < items.count else { return }
        let marker = highlightSymbol.width
        for (row, index) in (state.offset..<min(items.count, state.offset + area.height)).enumerated() {
            let y = area.y + row
            var line = items[index]
            let rowArea = area.row(row)
            if index == state.selected {
                buffer.setStyle(rowArea, line.style.patched(with: highlightStyle))
                line.style = line.style.patched(with: highlightStyle)
                if marker > 0 { buffer.setString(area.x, y, highlightSymbol, style: line.style, maxWidth: area.width) }
            }
            let textArea = Rect(x: area.x + marker, y: y, width: area.width - marker, height: 1)
            line.fit(to: textArea.width, ellipsis: symbols.ellipsis)
            line.render(in: textArea, buffer: &buffer)
        }
    }
}
