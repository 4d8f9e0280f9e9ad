/// Which columns of a table fit a width, and how wide each is, when a table has more columns
/// than room: columns are dropped in an order the table writes down, not cut at the right edge.
///
///     let columns = [
///         ColumnFit.Column(width: 20, minimum: 12, fill: true),       // the name: never dropped, shortened last
///         ColumnFit.Column(width: 7, dropRank: 5),                    // a figure
///         ColumnFit.Column(width: 12, minimum: 5, dropRank: 1),       // its sparkline: shrinks, then goes first
///     ]
///     let fit = ColumnFit(columns, available: inner.width, spacing: 1, scroll: pane.columnScroll)
///     // fit.shown: indices into `columns`; fit.widths: their widths; fit.hiddenRight: `+N cols`
///
/// How the room is shared:
/// 1. The first `scroll` droppable columns (in table order) are scrolled out to the left.
/// 2. While the columns do not fit — droppable ones at their minimum, kept ones (no `dropRank`)
///    at their full width (see `shrinksBeforeRank`) — the droppable column with the lowest
///    `dropRank` goes.
/// 3. Kept columns shrink (widest first) to their minimum only when nothing droppable is left,
///    or, with `shrinksBeforeRank`, before columns of that rank go.
/// 4. Spare room widens the droppable columns back towards their width, a cell at a time, and
///    what is left goes to the `fill` column.
public struct ColumnFit: Sendable, Hashable {
    /// One column as the table would like it.
    public struct Column: Sendable, Hashable {
        /// The width it asks for.
        public var width: Int
        /// The least it can be drawn in (a sparkline shrinks; a figure does not).
        public var minimum: Int
        /// nil: never dropped. Otherwise lower ranks go first.
        public var dropRank: Int?
        /// Takes the room nobody else wants.
        public var fill: Bool
        /// A kept column: it shrinks to its minimum before columns of this drop rank or above
        /// go (nil: only when nothing droppable is left).
        public var shrinksBeforeRank: Int?

        public init(width: Int, minimum: Int? = nil, dropRank: Int? = nil, fill: Bool = false, shrinksBeforeRank: Int? = nil) {
            self.width = max(0, width)
            self.minimum = max(0, min(minimum ?? width, width))
            self.dropRank = dropRank
            self.fill = fill
            self.shrinksBeforeRank = shrinksBeforeRank
        }
    }

    /// Indices into the columns, in table order, of those drawn.
    public private(set) var shown: [Int] = []
    /// The width of each shown column, in the same order.
    public private(set) var widths: [Int] = []
    /// Columns scrolled out to the left.
    public private(set) var hiddenLeft = 0
    /// Droppable columns left out for want of room (what `→` would scroll in).
    public private(set) var hiddenRight = 0

    /// Fits `columns` in `available` cells with `spacing` cells between neighbours.
    public init(_ columns: [Column], available: Int, spacing: Int = 1, scroll: Int = 0) {
        let droppable = columns.indices.filter { columns[$0].dropRank != nil }
        let scrolled = Set(droppable.prefix(max(0, scroll)))
        hiddenLeft = scrolled.count
        var shown = columns.indices.filter { !scrolled.contains($0) }
        func needed(_ set: [Int]) -> Int {
            let next = set.compactMap { columns[$0].dropRank }.min() ?? Int.max
            return set.reduce(0) { total, i in
                let column = columns[i]
                let atMinimum = column.dropRank != nil || next >= (column.shrinksBeforeRank ?? Int.max)
                return total + (atMinimum ? column.minimum : column.width)
            } + spacing * max(0, set.count - 1)
        }
        while needed(shown) > available,
            let victim = shown.filter({ columns[$0].dropRank != nil }).min(by: { (columns[$0].dropRank!, -$0) < (columns[$1].dropRank!, -$1) })
        {
            shown.removeAll { $0 == victim }
            hiddenRight += 1
        }
        var widths = shown.map { columns[$0].dropRank == nil ? columns[$0].width : columns[$0].minimum }
        var spare = available - widths.reduce(0, +) - spacing * max(0, shown.count - 1)
        // Kept columns shrink, widest first, when nothing else can give way.
        while spare < 0, let i = widths.indices.filter({ widths[$0] > columns[shown[$0]].minimum }).max(by: { widths[$0] < widths[$1] }) {
            widths[i] -= 1
            spare += 1
        }
        var growing = true
        while spare > 0, growing {
            growing = false
            for i in widths.indices where spare > 0 && columns[shown[i]].dropRank != nil && widths[i] < columns[shown[i]].width {
                widths[i] += 1
                spare -= 1
                growing = true
            }
        }
        if spare > 0, let i = shown.firstIndex(where: { columns[$0].fill }) { widths[i] += spare }
        self.shown = shown
        self.widths = widths
    }

    /// The header's note on what is not shown: `+3 cols →`, `← +1 cols`, or empty.
    public func note(symbols: Symbols = .unicode) -> String {
        var parts: [String] = []
        if hiddenLeft > 0 { parts.append("\(symbols.arrowLeft) \(hiddenLeft)") }
        if hiddenRight > 0 { parts.append("+\(hiddenRight) cols \(symbols.arrowRight)") }
        return parts.joined(separator: " ")
    }
}
