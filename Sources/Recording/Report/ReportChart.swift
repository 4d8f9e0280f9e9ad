/// One inline SVG chart: a series downsampled to min/max per pixel column, alert periods shaded
/// behind it, an optional limit line (maxmemory), the moments of events and actions marked, time
/// along the bottom. No script, no font, no URL.
public enum ReportChart {
    /// Plot width in pixels: one column per pixel, which bounds a chart's size whatever the recording's length.
    public static let columns = 460
    static let height = 110
    static let left = 62
    static let top = 8
    /// The series' stroke colour; the Chromium test looks for it.
    public static let stroke = "#1f6fb2"
    /// Alert shading; the Chromium test looks for it.
    public static let shade = "#f6c9c4"
    /// The colour of a moment's mark (an event, an action).
    public static let mark = "#6a3d9a"

    /// What every chart of a report shares: the window, its clock, what is shaded and marked.
    public struct Frame: Sendable {
        public var from: Int64
        public var to: Int64
        public var clock: ReportClock
        public var periods: [AlertPeriod]
        /// Moments (an event, an action) drawn as thin vertical lines, with their text as a tooltip.
        public var marks: [(t: Int64, text: ReportCell)]
    }

    /// The chart of `series` titled `title`, over `frame`, with `limit` (t, bytes; 0 = none) drawn
    /// as a dashed line; `ceiling`, when given, fixes the top of the scale (100 for a ratio).
    public static func svg(
        title: String, series: ReportSeries, frame: Frame, limit: [(t: Int64, bytes: Int64)] = [], ceiling: Double? = nil,
        label: (Double) -> String
    ) -> String {
        let width = left + columns + 16
        let columnsData = series.downsampled(columns: columns, from: frame.from, to: frame.to)
        // A flat zero series still gets a scale of 1 rather than dividing by nothing.
        let highest = max(columnsData.compactMap { $0?.max }.max() ?? 0, limit.map { Double($0.bytes) }.max() ?? 0)
        let scale = ceiling ?? max(highest, 1)
        let span = Double(max(frame.to - frame.from, 1))
        func x(_ t: Int64) -> Int { left + Int((Double(min(max(t, frame.from), frame.to) - frame.from) / span * Double(columns)).rounded()) }
        // Values keep 3 px off the frame, so that a flat line at zero or at the top stays visible.
        func y(_ v: Double) -> Int { top + 3 + Int(((1 - min(v, scale) / scale) * Double(height - 6)).rounded()) }
        var out = "<figure><figcaption>\(ReportText.html(title))</figcaption>"
        // Inline SVG in HTML needs no namespace: the page holds no URL at all.
        out += "<svg width=\"\(width)\" height=\"\(height + top + 22)\" viewBox=\"0 0 \(width) \(height + top + 22)\">"
        out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(columns)\" height=\"\(height)\" fill=\"#fbfbfb\" stroke=\"#ccc\"/>"
        for p in frame.periods {
            let a = x(p.start)
            let b = max(x(p.end ?? frame.to), a + 2)
            out += "<rect x=\"\(a)\" y=\"\(top)\" width=\"\(b - a)\" height=\"\(height)\" fill=\"\(shade)\" fill-opacity=\"0.8\">"
            out += "<title>\(ReportCell(p.rule).html)</title></rect>"
        }
        for m in frame.marks {
            out += "<line x1=\"\(x(m.t))\" x2=\"\(x(m.t))\" y1=\"\(top)\" y2=\"\(top + height)\" stroke=\"\(mark)\" stroke-dasharray=\"2 2\">"
            out += "<title>\(ReportCell(bytes: Array((frame.clock.time(m.t) + " ").utf8) + m.text.raw).html)</title></line>"
        }
        for (i, l) in limit.enumerated() where l.bytes > 0 {
            let end = i + 1 < limit.count ? limit[i + 1].t : frame.to
            let level = y(Double(l.bytes))
            out += "<line x1=\"\(x(l.t))\" x2=\"\(x(end))\" y1=\"\(level)\" y2=\"\(level)\" stroke=\"#b00\" stroke-dasharray=\"4 3\"/>"
        }
        out += polyline(columnsData, y: y)
        out += "<text x=\"\(left - 4)\" y=\"\(top + 9)\" text-anchor=\"end\" font-size=\"11\">\(ReportText.html(label(scale)))</text>"
        out += "<text x=\"\(left - 4)\" y=\"\(top + height)\" text-anchor=\"end\" font-size=\"11\">0</text>"
        // Five times along the bottom: the window's start, end, and three between.
        for step in 0...4 {
            let t = frame.from + (frame.to - frame.from) * Int64(step) / 4
            let anchor = step == 0 ? "start" : step == 4 ? "end" : "middle"
            out += "<text x=\"\(x(t))\" y=\"\(top + height + 15)\" text-anchor=\"\(anchor)\" font-size=\"11\" fill=\"#555\">"
            out += "\(ReportText.html(frame.clock.time(t)))</text>"
        }
        return out + "</svg></figure>"
    }

    /// The series as one line; each column contributes its min and max, so a spike inside one
    /// pixel still shows.
    static func polyline(_ columnsData: [(min: Double, max: Double)?], y: (Double) -> Int) -> String {
        var points: [(x: Int, y: Int)] = []
        for (column, value) in columnsData.enumerated() {
            guard let value else { continue }
            points.append((left + column, y(value.max)))
            if value.min != value.max { points.append((left + column, y(value.min))) }
        }
        // A single point is drawn as a short segment, so that it shows.
        if points.count == 1 { points.append((points[0].x + 2, points[0].y)) }
        guard !points.isEmpty else { return "<text x=\"\(left + 10)\" y=\"\(top + height / 2)\" fill=\"#777\" font-size=\"12\">no data</text>" }
        let list = points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
        return "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\" points=\"\(list)\"/>"
    }
}
