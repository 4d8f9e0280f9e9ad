/// A bar graph of recent samples, one column each, the newest at the right edge:
/// `▁▂▃▄▅▆▇█` (or ` .:-=+*#` in ASCII), eight levels per row, any number of rows.
/// Each bar is coloured from `gradient` by its height, low to high. The glyphs must be one
/// column wide (they are drawn without measuring).
public struct Sparkline: Widget, Sendable, Hashable {
    /// Samples, oldest first. Negative and non-finite values count as 0.
    public var data: [Double]
    /// The value of a full bar; nil scales to the largest visible sample.
    public var max: Double?
    /// Colours from low to high; empty leaves the colour to `style`.
    public var gradient: [Color]
    public var style: Style
    public var symbols: Symbols

    public init(_ data: [Double], max: Double? = nil, gradient: [Color] = [], style: Style = .plain, symbols: Symbols = .unicode) {
        self.data = data
        self.max = max
        self.gradient = gradient
        self.style = style
        self.symbols = symbols
    }

    /// A sparkline in the theme's gradient.
    public init(_ data: [Double], max: Double? = nil, theme: Theme, symbols: Symbols = .unicode) {
        self.init(data, max: max, gradient: theme.sparkline, style: theme.text, symbols: symbols)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty, !data.isEmpty else { return }
        let samples = data.suffix(area.width)
        var top = max ?? 0
        if max == nil { for v in samples where v.isFinite && v > top { top = v } }
        guard top > 0, top.isFinite else { return }
        let levelsPerColumn = area.height * 8
        var x = area.right - samples.count
        for raw in samples {
            defer { x += 1 }
            let v = raw.isFinite ? Swift.min(Swift.max(0, raw), top) : 0
            let fraction = v / top
            var level = Int((fraction * Double(levelsPerColumn)).rounded())
            if v > 0, level == 0 { level = 1 }  // any activity shows
            guard level > 0 else { continue }
            var cellStyle = style
            if !gradient.isEmpty {
                cellStyle.foreground = gradient[Int((fraction * Double(gradient.count - 1)).rounded())]
            }
            for row in 0..<area.height {
                let cellLevel = Swift.min(8, level - row * 8)
                if cellLevel <= 0 { break }
                buffer.setSymbol(x, area.bottom - 1 - row, symbols.sparkline[cellLevel], style: cellStyle)
            }
        }
    }
}
