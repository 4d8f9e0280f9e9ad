/// One inline SVG chart: a series downsampled to min/max per pixel column, alert periods shaded
/// behind it, an optional limit line (maxmemory), axis labels. No script, no font, no URL.
public enum ReportChart {
    /// Plot width in pixels: one column per pixel, which bounds a chart's size whatever the recording's length.
    public static let columns = 600
    static let height = 120
    static let left = 70
    /// The series' stroke colour; the Chromium test looks for it.
    public static let stroke = "#1f6fb2"
    /// Alert shading; the Chromium test looks for it.
    public static let shade = "#f6c9c4"

    /// The chart of `series` over [from, to] with `periods` shaded and `limit` drawn as a dashed line.
    public static func svg(
        title: String, series: ReportSeries, from: Int64, to: Int64, periods: [AlertPeriod], limit: [(t: Int64, bytes: Int64)] = [],
        label: (Double) -> String
    ) -> String {
        let width = left + columns + 10
        let columnsData = series.downsampled(columns: columns, from: from, to: to)
        var top = columnsData.compactMap { $0?.max }.max() ?? 1
        top = max(top, limit.map { Double($0.bytes) }.max() ?? 0, 1e-9)
        let span = Double(max(to - from, 1))
        func x(_ t: Int64) -> Int { left + Int((Double(t - from) / span * Double(columns)).rounded()) }
        func y(_ v: Double) -> Int { 10 + Int(((1 - v / top) * Double(height)).rounded()) }
        var out = "<figure><figcaption>\(ReportText.html(title))</figcaption>"
        // Inline SVG in HTML needs no namespace: the page holds no URL at all.
        out += "<svg width=\"\(width)\" height=\"\(height + 30)\" viewBox=\"0 0 \(width) \(height + 30)\">"
        out += "<rect x=\"\(left)\" y=\"10\" width=\"\(columns)\" height=\"\(height)\" fill=\"#fbfbfb\" stroke=\"#ccc\"/>"
        for p in periods {
            let a = x(max(p.start, from))
            let b = max(x(min(p.end ?? to, to)), a + 2)
            out += "<rect x=\"\(a)\" y=\"10\" width=\"\(b - a)\" height=\"\(height)\" fill=\"\(shade)\"><title>\(ReportCell(p.rule).html)</title></rect>"
        }
        if limit.contains(where: { $0.bytes > 0 }) {
            for (i, l) in limit.enumerated() where l.bytes > 0 {
                let end = i + 1 < limit.count ? limit[i + 1].t : to
                out += "<line x1=\"\(x(l.t))\" x2=\"\(x(end))\" y1=\"\(y(Double(l.bytes)))\" y2=\"\(y(Double(l.bytes)))\" stroke=\"#b00\" stroke-dasharray=\"4 3\"/>"
            }
        }
        // Each column contributes its min and max, so a spike inside one pixel still shows.
        var points: [String] = []
        for (column, value) in columnsData.enumerated() {
            guard let value else { continue }
            let px = left + column
            points.append("\(px),\(y(value.max))")
            if value.min != value.max { points.append("\(px),\(y(value.min))") }
        }
        if points.count == 1 { points.append(points[0].replacingFirstNumber(plus: 2)) }
        if !points.isEmpty {
            out += "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"/>"
        } else {
            out += "<text x=\"\(left + 10)\" y=\"\(height / 2 + 10)\" fill=\"#777\">no data</text>"
        }
        out += "<text x=\"\(left - 4)\" y=\"18\" text-anchor=\"end\" font-size=\"11\">\(ReportText.html(label(top)))</text>"
        out += "<text x=\"\(left - 4)\" y=\"\(height + 10)\" text-anchor=\"end\" font-size=\"11\">0</text>"
        return out + "</svg></figure>"
    }
}

extension String {
    /// "x,y" with x moved right by `plus` (a single point drawn as a short segment).
    fileprivate func replacingFirstNumber(plus: Int) -> String {
        let parts = split(separator: ",")
        guard parts.count == 2, let x = Int(parts[0]) else { return self }
        return "\(x + plus),\(parts[1])"
    }
}
