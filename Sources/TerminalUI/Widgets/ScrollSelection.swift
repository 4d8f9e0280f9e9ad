/// A selection in a scrolling list of rows, shared by `TableState`, `ListState` and trees.
/// Moves are clamped to the row count; rendering scrolls `offset` to keep the selection visible.
public protocol ScrollSelection {
    /// The selected row, or nil for none.
    var selected: Int? { get set }
    /// The first row drawn.
    var offset: Int { get set }
}

extension ScrollSelection {
    /// Selects `index` clamped to `0..<count` (nil when there are no rows).
    public mutating func select(_ index: Int?, count: Int) {
        guard let index, count > 0 else {
            selected = nil
            return
        }
        selected = min(max(0, index), count - 1)
    }

    /// Moves the selection by `delta` rows (negative is up); selects the first row if none.
    public mutating func move(by delta: Int, count: Int) {
        select(selected.map { $0 + delta } ?? 0, count: count)
    }

    /// Selects the first row (`g`).
    public mutating func selectFirst(count: Int) { select(0, count: count) }
    /// Selects the last row (`G`).
    public mutating func selectLast(count: Int) { select(count - 1, count: count) }
    /// Moves one page (the visible rows) down.
    public mutating func pageDown(visibleRows: Int, count: Int) { move(by: max(1, visibleRows - 1), count: count) }
    /// Moves one page (the visible rows) up.
    public mutating func pageUp(visibleRows: Int, count: Int) { move(by: -max(1, visibleRows - 1), count: count) }

    /// Clamps the selection and adjusts `offset` so the selection is among the `visibleRows`
    /// rows drawn and no empty rows show below the last one when the list is long enough.
    public mutating func scrollToSelection(visibleRows: Int, count: Int) {
        if let s = selected, count > 0 { selected = min(max(0, s), count - 1) } else if count == 0 { selected = nil }
        guard visibleRows > 0 else { return }
        offset = min(max(0, offset), max(0, count - visibleRows))
        if let s = selected {
            if s < offset { offset = s }
            if s >= offset + visibleRows { offset = s - visibleRows + 1 }
        }
    }
}
