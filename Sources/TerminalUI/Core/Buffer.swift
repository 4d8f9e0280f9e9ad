/// A grid of cells that a frame is rendered into, in memory; the backend draws only the
/// cells that differ from the previous frame (`diff(from:)`).
///
/// Coordinates are absolute (the buffer's `area` may start anywhere). Writes outside the
/// area are dropped, so widgets never need to clip by hand.
public struct Buffer: Sendable, Equatable {
    public private(set) var area: Rect
    public private(set) var cells: [Cell]

    /// A buffer of blank cells covering `area`.
    public init(area: Rect, filling cell: Cell = .blank) {
        self.area = area
        self.cells = Array(repeating: cell, count: area.area)
    }

    /// A buffer of blank cells of `width` × `height` at the origin.
    public init(width: Int, height: Int) {
        self.init(area: Rect(x: 0, y: 0, width: width, height: height))
    }

    @inline(__always)
    private func index(_ x: Int, _ y: Int) -> Int? {
        guard area.contains(column: x, row: y) else { return nil }
        return (y - area.y) * area.width + (x - area.x)
    }

    /// The cell at (`x`, `y`); a blank cell outside the area.
    public subscript(x: Int, y: Int) -> Cell {
        get { index(x, y).map { cells[$0] } ?? .blank }
        set { if let i = index(x, y) { cells[i] = newValue } }
    }

    /// Fills `rect` (clipped to the area) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.top..<r.bottom {
            let start = (y - area.y) * area.width + (r.x - area.x)
            for i in start..<(start + r.width) { cells[i] = cell }
        }
    }

    /// Lays `style` over every cell of `rect` without changing symbols.
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty, style != .plain else { return }
        // In place, field by field: copying whole cells (with their symbol) costs more.
        for y in r.top..<r.bottom {
            let start = (y - area.y) * area.width + (r.x - area.x)
            for i in start..<(start + r.width) {
                if let fg = style.foreground { cells[i].foreground = fg }
                if let bg = style.background { cells[i].background = bg }
                if !style.modifiers.isEmpty { cells[i].modifiers.formUnion(style.modifiers) }
            }
        }
    }

    /// Writes one grapheme the caller knows is one column wide (a border, bar or marker
    /// glyph), without measuring it: the fast path for widgets drawing symbols cell by cell.
    public mutating func setSymbol(_ x: Int, _ y: Int, _ symbol: DisplayText, style: Style = .plain) {
        guard index(x, y) != nil else { return }
        put(x, y, Cell(grapheme: symbol.description).styled(style))
    }

    /// Writes `text` from (`x`, `y`) rightwards, at most `maxWidth` columns (default: to the
    /// area's right edge), never wrapping. A wide grapheme that would not fit whole becomes a
    /// space. Text from Redis arrives sanitised: `DisplayText` is the only text taken here.
    /// Characters that take no column (a control character in a literal, say) are dropped.
    /// - Returns: the column after the last one written.
    @discardableResult
    public mutating func setString(_ x: Int, _ y: Int, _ text: DisplayText, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let string = text.description
        guard y >= area.top, y < area.bottom else { return x }
        let limit = min(area.right, maxWidth.map { x + max(0, $0) } ?? area.right)
        if let end = setPrintableASCII(x, y, string, style: style, limit: limit) { return end }
        var column = x
        for character in string {
            if column >= limit { break }
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A zero-width character on its own cannot take a cell; drop it rather than
                // shift the grid. Combining marks arrive inside their grapheme cluster.
                continue
            }
            if column + width > limit {
                if column >= area.left { put(column, y, Cell(grapheme: " ").styled(style)) }
                column += 1
                break
            }
            if column >= area.left {
                put(column, y, Cell(grapheme: String(character)).styled(style))
                if width == 2 { put(column + 1, y, Cell.continuation.styled(style)) }
            }
            column += width
        }
        return column
    }

    /// One-character strings for printable ASCII, made once: most of a frame is ASCII.
    private static let asciiSymbols: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// The fast path of `setString` for printable ASCII (one column per byte, no grapheme
    /// breaking); nil when `string` has anything else, so the general path runs.
    private mutating func setPrintableASCII(_ x: Int, _ y: Int, _ string: String, style: Style, limit: Int) -> Int? {
        let result: Int?? = string.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return nil }
            var column = x
            for byte in bytes {
                if column >= limit { break }
                if column >= area.left { put(column, y, Cell(grapheme: Buffer.asciiSymbols[Int(byte)]).styled(style)) }
                column += 1
            }
            return column
        }
        return result ?? nil
    }

    /// Writes one cell, repairing any wide grapheme that the write cuts in half.
    private mutating func put(_ x: Int, _ y: Int, _ cell: Cell) {
        guard let i = index(x, y) else { return }
        if cells[i].isContinuation, !cell.isContinuation, let left = index(x - 1, y) {
            cells[left].symbol = " "
        }
        if !cell.isContinuation, let right = index(x + 1, y), cells[right].isContinuation {
            cells[right].symbol = " "
        }
        cells[i] = cell
    }

    /// Copies `other` into this buffer at its own coordinates (clipped to this area).
    public mutating func merge(_ other: Buffer) {
        let r = other.area.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.top..<r.bottom {
            for x in r.left..<r.right { self[x, y] = other[x, y] }
        }
    }

    /// The cells that must be written to turn the screen showing `previous` into this buffer.
    /// A different size means everything changed. Continuation cells are never emitted: the
    /// wide grapheme before them covers them, and a changed wide grapheme is emitted itself.
    public func diff(from previous: Buffer) -> [CellChange] {
        var changes: [CellChange] = []
        if previous.area != area {
            changes.reserveCapacity(cells.count)
            for (i, cell) in cells.enumerated() where !cell.isContinuation {
                changes.append(CellChange(x: area.x + i % area.width, y: area.y + i / area.width, cell: cell))
            }
            return changes
        }
        var lastEmitted = -1
        let width = area.width
        cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                for i in 0..<now.count where now[i] != before[i] {
                    var owner = i
                    if now[i].isContinuation {
                        // The wide grapheme to the left covers this column: re-emit it instead.
                        guard i % width != 0 else { continue }
                        owner = i - 1
                    }
                    if owner == lastEmitted { continue }
                    changes.append(CellChange(x: area.x + owner % width, y: area.y + owner / width, cell: now[owner]))
                    lastEmitted = owner
                }
            }
        }
        return changes
    }

    /// The buffer as plain text, one line per row, trailing spaces kept: what tests compare.
    public func textLines() -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(area.height)
        for row in 0..<area.height {
            var line = ""
            for column in 0..<area.width {
                let cell = cells[row * area.width + column]
                if !cell.isContinuation { line += cell.symbol }
            }
            lines.append(line)
        }
        return lines
    }

    /// The buffer as one string, rows joined by newlines, each row's trailing spaces trimmed.
    public var text: String {
        textLines().map { line in
            var s = Substring(line)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }.joined(separator: "\n")
    }
}
