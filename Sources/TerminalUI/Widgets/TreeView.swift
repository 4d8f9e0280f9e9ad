/// A tree drawn from flattened rows: indentation by depth, an expand/collapse marker on nodes
/// with children, the label, then right-aligned trailing columns (counts, sizes).
///
///     user:            ▾ user:                 1204   3.1M
///       1001             ▸ session:             602   1.2M
public struct TreeView: StatefulWidget, Sendable, Hashable {
    public var rows: [TreeRow]
    /// Columns of indentation per depth level.
    public var indent: Int
    public var style: Style
    /// Style of the trailing columns.
    public var trailingStyle: Style
    public var markerStyle: Style
    public var highlightStyle: Style
    public var symbols: Symbols

    public init(
        _ rows: [TreeRow],
        indent: Int = 2,
        style: Style = .plain,
        trailingStyle: Style = .plain,
        markerStyle: Style = .plain,
        highlightStyle: Style = Style(modifiers: .reverse),
        symbols: Symbols = .unicode
    ) {
        self.rows = rows
        self.indent = indent
        self.style = style
        self.trailingStyle = trailingStyle
        self.markerStyle = markerStyle
        self.highlightStyle = highlightStyle
        self.symbols = symbols
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout ListState) {
        guard !area.isEmpty else { return }
        if style != .plain { buffer.setStyle(area, style) }
        state.scrollToSelection(visibleRows: area.height, count: rows.count)
        guard state.offset < rows.count else { return }
        let visible = rows[state.offset..<min(rows.count, state.offset + area.height)]
        // Trailing column widths over the visible rows, so columns line up on screen.
        var columnWidths: [Int] = []
        for row in visible {
            for (i, text) in row.trailing.enumerated() {
                let w = text.width
                if i < columnWidths.count { columnWidths[i] = max(columnWidths[i], w) } else { columnWidths.append(w) }
            }
        }
        let trailingWidth = columnWidths.reduce(0) { $0 + $1 + 1 }
        for (n, row) in visible.enumerated() {
            let y = area.y + n
            let selected = state.offset + n == state.selected
            let extra = selected ? highlightStyle : Style.plain
            if selected { buffer.setStyle(area.row(n), highlightStyle) }
            var x = area.x + min(row.depth * indent, max(0, area.width - 4))
            let marker = row.hasChildren ? (row.isExpanded ? symbols.treeExpanded : symbols.treeCollapsed) : symbols.treeLeaf
            x = buffer.setString(x, y, marker, style: markerStyle.patched(with: extra), maxWidth: area.right - x)
            x += 1
            let labelEnd = max(x, area.right - trailingWidth - 1)
            let label = row.label.truncated(to: labelEnd - x, ellipsis: symbols.ellipsis)
            buffer.setString(x, y, label, style: row.style.patched(with: extra), maxWidth: labelEnd - x)
            var right = area.right
            for (i, width) in columnWidths.enumerated().reversed() {
                let text = i < row.trailing.count ? row.trailing[i] : .empty
                let start = right - width
                if start < labelEnd { break }
                buffer.setString(start + width - text.width, y, text, style: trailingStyle.patched(with: extra), maxWidth: width)
                right = start - 1
            }
        }
    }
}
