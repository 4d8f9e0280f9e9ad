import CNcursesw
import TerminalUI

/// Writes frames to the ncurses screen: only the cells that changed since the last frame,
/// then one `doupdate`. Lives on the terminal thread and is never shared.
final class ScreenWriter {
    private let unicode: Bool
    private let colorEnabled: Bool
    private let mapping: ColorMapping
    private let attributes = CellAttributes()
    private var pairs: ColorPairCache
    /// What is on screen now; nil forces the next frame to be drawn whole.
    private var lastDrawn: Buffer?
    private let maxCharacters = Int(cs_ccharw_max())

    init(unicode: Bool, colorEnabled: Bool, colors: Int, colorPairs: Int32) {
        self.unicode = unicode
        self.colorEnabled = colorEnabled
        self.mapping = ColorMapping(colors: colors)
        self.pairs = ColorPairCache(colorPairs: colorEnabled ? colorPairs : 0)
    }

    /// Forgets what is on screen: the next frame is drawn in full (after a resize).
    func invalidate() {
        lastDrawn = nil
        _ = cs_clear_on_next_refresh()
    }

    /// Draws `buffer`, writing only what differs from the previous frame.
    func draw(_ buffer: Buffer) {
        if !write(buffer, allowClosestPair: false) {
            // Out of colour pairs: start the pairs afresh and repaint everything with them.
            pairs.reset()
            invalidate()
            _ = write(buffer, allowClosestPair: true)
        }
        wnoutrefresh(cs_stdscr())
        doupdate()
    }

    /// - Returns: false when it ran out of colour pairs part-way (and `allowClosestPair` is off).
    private func write(_ buffer: Buffer, allowClosestPair: Bool) -> Bool {
        var rows: Int32 = 0
        var cols: Int32 = 0
        cs_screen_size(&rows, &cols)
        let changes: [CellChange]
        if let previous = lastDrawn, previous.area == buffer.area {
            changes = buffer.diff(from: previous)
        } else {
            // Whole frame: clear what the old frame left outside the new one's area.
            werase(cs_stdscr())
            changes = buffer.diff(from: Buffer(area: .zero))
        }
        for change in changes where change.x >= 0 && change.y >= 0 && change.x < cols && change.y < rows {
            guard let pair = pair(for: change.cell, allowClosest: allowClosestPair) else {
                return false
            }
            put(change.cell, x: change.x, y: change.y, pair: pair, lastColumn: Int(cols) - 1)
        }
        lastDrawn = buffer
        return true
    }

    private func pair(for cell: Cell, allowClosest: Bool) -> Int32? {
        guard colorEnabled else { return 0 }
        let colors = ColorPairCache.Colors(
            foreground: mapping.number(for: cell.foreground),
            background: mapping.number(for: cell.background)
        )
        if let pair = pairs.pair(for: colors, define: { number, fg, bg in _ = init_extended_pair(number, fg, bg) }) {
            return pair
        }
        return allowClosest ? pairs.closest(to: colors, rgb: mapping.rgb(ofNumber:)) : nil
    }

    private func put(_ cell: Cell, x: Int, y: Int, pair: Int32, lastColumn: Int) {
        let attrs = attributes.attributes(for: cell.modifiers)
        var characters = drawable(cell.symbol)
        // A wide grapheme in the last column would wrap: a space stands in for it.
        if x == lastColumn, let first = cell.symbol.first, DisplayWidth.of(first) == 2 {
            characters = [0x20]
        }
        var cc = cchar_t()
        var wide = characters.map { wchar_t(bitPattern: $0) } + [0]
        if cs_setcchar(&cc, &wide, attrs, pair) != OK {
            // ncurses refuses clusters it cannot store (e.g. emoji joined by ZWJ): keep the base.
            wide = [wchar_t(bitPattern: characters[0]), 0]
            if cs_setcchar(&cc, &wide, attrs, pair) != OK {
                wide = [0x3F, 0]
                _ = cs_setcchar(&cc, &wide, attrs, pair)
            }
        }
        // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
        _ = mvwadd_wch(cs_stdscr(), Int32(y), Int32(x), &cc)
        // The buffer thinks this grapheme is wide but the C library (and so ncurses) draws it
        // one column wide: blank the column the buffer skips, or it keeps stale content.
        if characters.count >= 1, x < lastColumn, let first = cell.symbol.first, DisplayWidth.of(first) == 2,
            cs_wcwidth(wchar_t(bitPattern: characters[0])) == 1
        {
            var blank = cchar_t()
            var space: [wchar_t] = [0x20, 0]
            _ = cs_setcchar(&blank, &space, attrs, pair)
            _ = mvwadd_wch(cs_stdscr(), Int32(y), Int32(x + 1), &blank)
        }
    }

    /// The scalars to hand ncurses for a cell's symbol: never a control character (that
    /// would move the cursor or print as `^X` and shift the grid), ASCII only without a
    /// UTF-8 locale, at most CCHARW_MAX scalars.
    private func drawable(_ symbol: String) -> [UInt32] {
        var result: [UInt32] = []
        for scalar in symbol.unicodeScalars {
            var value = scalar.value
            if value < 0x20 || (0x7F..<0xA0).contains(value) { value = 0x3F }
            if !unicode, value > 0x7E { value = 0x3F }
            if !unicode, !result.isEmpty { break }
            result.append(value)
            if result.count == maxCharacters { break }
        }
        return result.isEmpty ? [0x20] : result
    }
}
