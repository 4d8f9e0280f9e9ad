/// Rows and columns with an optional header, column widths by constraints, and a selected row
/// that stays visible as it moves.
///
///     let table = Table(
///         rows: keys.map { Table.Row([Line(DisplayText(ServerBytes($0.name))), "\($0.type)", "\($0.ttl)"]) },
///         widths: [.fill(1), .length(6), .length(8)],
///         header: Table.Row(["KEY", "TYPE", "TTL"]),
///         alignments: [.left, .left, .right]
///     )
///     table.render(in: area, buffer: &buffer, state: &pane.tableState)
public struct Table: StatefulWidget, Sendable, Hashable {
    /// One row: a line per cell, and a style under the whole row.
    public struct Row: Sendable, Hashable {
        public var cells: [Line]
        public var style: Style

        /// A row of cells; a literal or an interpolation is a plain cell (`["KEY", "\(ttl)s"]`).
        public init(_ cells: [Line], style: Style = .plain) {
            self.cells = cells
            self.style = style
        }
    }

    public var rows: [Row]
    public var widths: [Constraint]
    public var header: Row?
    /// Per-column alignment (missing entries are `.left`).
    public var alignments: [Alignment]
    /// Empty columns between cells.
    public var columnSpacing: Int
    public var style: Style
    public var headerStyle: Style
    /// Laid over the selected row.
    public var highlightStyle: Style
    /// Drawn before the selected row; the same width of blank before the others. Empty for none.
    public var highlightSymbol: DisplayText
    public var symbols: Symbols
    /// How columns give way when the area is too narrow (see `ColumnFit`): a drop rank per
    /// column (nil: kept; lower ranks go first). Empty: nothing is dropped and `fill` columns
    /// shrink to nothing, as `Layout` shares room.
    public var dropRanks: [Int?] = []
    /// With `dropRanks`, the least width of a `fill` column before other columns go.
    public var fillMinimum = 8

    public init(
        rows: [Row],
        widths: [Constraint],
        header: Row? = nil,
        alignments: [Alignment] = [],
        columnSpacing: Int = 1,
        style: Style = .plain,
        headerStyle: Style = Style(modifiers: .bold),
        highlightStyle: Style = Style(modifiers: .reverse),
        highlightSymbol: DisplayText = .empty,
        symbols: Symbols = .unicode
    ) {
        self.rows = rows
        self.widths = widths
        self.header = header
        self.alignments = alignments
        self.columnSpacing = columnSpacing
        self.style = style
        self.headerStyle = headerStyle
        self.highlightStyle = highlightStyle
        self.highlightSymbol = highlightSymbol
        self.symbols = symbols
    }

    /// Rows of the table body visible in `area` (the header takes one).
    public func visibleRows(in area: Rect) -> Int { max(0, area.height - (header == nil ? 0 : 1)) }

    /// This table with columns that give way in a narrow area: `ranks` per column (nil:
    /// kept), a `fill` column kept at `fillMinimum` or more.
    public func dropping(_ ranks: [Int?], fillMinimum: Int = 8) -> Table {
        var table = self
        table.dropRanks = ranks
        table.fillMinimum = fillMinimum
        return table
    }

    /// How many columns `area` leaves out (with `dropRanks`).
    public func hiddenColumns(in area: Rect) -> Int { fit(in: area)?.hiddenRight ?? 0 }

    /// Which columns fit `area` with `dropRanks` (nil without them).
    public func fit(in area: Rect) -> ColumnFit? {
        guard !dropRanks.isEmpty else { return nil }
        let columns = widths.enumerated().map { i, constraint -> ColumnFit.Column in
            let rank = i < dropRanks.count ? dropRanks[i] : nil
            switch constraint {
            case .fill: return ColumnFit.Column(width: fillMinimum, dropRank: rank, fill: true)
            case .length(let n), .max(let n), .min(let n): return ColumnFit.Column(width: n, dropRank: rank)
            case .percentage, .ratio: return ColumnFit.Column(width: Layout.sizes(for: [constraint], in: area.width)[0], dropRank: rank)
            }
        }
        return ColumnFit(columns, available: max(0, area.width - highlightSymbol.width), spacing: max(0, columnSpacing))
    }

    /// The x position and width of each column inside `area` (a dropped column has width 0).
    public func columnRects(in area: Rect) -> [(x: Int, width: Int)] {
        let marker = highlightSymbol.width
        let spacing = max(0, columnSpacing)
        if let fit = fit(in: area) {
            var x = area.x + marker
            var rects = widths.map { _ in (x: area.x, width: 0) }
            for (i, column) in fit.shown.enumerated() {
                rects[column] = (x, max(0, min(fit.widths[i], area.right - x)))  // kept columns wider than the area are cut
                x += fit.widths[i] + spacing
            }
            return rects
        }
        let available = max(0, area.width - marker - spacing * max(0, widths.count - 1))
        let sizes = Layout.sizes(for: widths, in: available)
        var x = area.x + marker
        return sizes.map { w in
            defer { x += w + spacing }
            return (x, w)
        }
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout TableState) {
        guard !area.isEmpty else { return }
        if style != .plain { buffer.setStyle(area, style) }
        let columns = columnRects(in: area)
        var y = area.y
        if let header {
            drawRow(header, columns: columns, y: y, area: area, extra: headerStyle, buffer: &buffer)
            y += 1
        }
        let visible = area.bottom - y
        state.scrollToSelection(visibleRows: visible, count: rows.count)
        guard visible > 0, state.offset < rows.count else { return }
        for index in state.offset..<min(rows.count, state.offset + visible) {
            let selected = index == state.selected
            drawRow(rows[index], columns: columns, y: y, area: area, extra: selected ? highlightStyle : nil, buffer: &buffer)
            if selected, !highlightSymbol.isEmpty {
                buffer.setString(area.x, y, highlightSymbol, style: rows[index].style.patched(with: highlightStyle), maxWidth: area.width)
            }
            y += 1
        }
    }

    private func drawRow(_ row: Row, columns: [(x: Int, width: Int)], y: Int, area: Rect, extra: Style?, buffer: inout Buffer) {
        let rowArea = Rect(x: area.x, y: y, width: area.width, height: 1)
        let rowStyle = extra.map { row.style.patched(with: $0) } ?? row.style
        if rowStyle != .plain { buffer.setStyle(rowArea, rowStyle) }
        for (i, column) in columns.enumerated() where i < row.cells.count && column.width > 0 {
            var line = row.cells[i]
            if i < alignments.count { line.alignment = alignments[i] }
            if let extra { line.style = line.style.patched(with: extra) }
            line.fit(to: column.width, ellipsis: symbols.ellipsis)
            line.render(in: Rect(x: column.x, y: y, width: column.width, height: 1), buffer: &buffer)
        }
    }
}
