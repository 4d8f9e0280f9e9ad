/// The report as one self-contained HTML page: inline CSS and SVG, no script, no font, no URL.
/// Every piece of text from the recording goes through ``ReportCell/html`` or ``ReportText/html(_:)``.
public enum ReportHTML {
    static let style = """
        body{font-family:sans-serif;margin:24px;color:#222;background:#fff}table{border-collapse:collapse;margin:8px 0}
        td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}th{background:#f2f2f2}
        figure{margin:4px 0}figcaption{font-size:13px;font-weight:bold}.node{border-top:2px solid #888;margin-top:18px}
        .charts{display:flex;flex-wrap:wrap;column-gap:24px}.legend span{display:inline-block;padding:0 6px;margin-right:8px}
        """

    /// The page for `data`; times are written by `clock`.
    public static func page(_ data: ReportData, clock: ReportClock) -> String {
        let periods = AlertPeriod.periods(data)
        let title = ReportCell("cachescope report" + (data.label.isEmpty ? "" : ": " + data.label)).html
        var out = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title><style>\(style)</style></head><body>
            <h1>\(title)</h1>
            <p>\(ReportText.html(clock.dateTime(data.from))) to \(ReportText.html(clock.time(data.to))); \(data.nodes.count) node(s).
            <span class="legend"><span style="background:\(ReportChart.shade)">alert firing</span>
            <span style="border-bottom:2px dashed #b00">maxmemory</span>
            <span style="border-bottom:2px dotted \(ReportChart.mark)">event or action</span></span></p>
            """
        out += "<h2>Alerts</h2>" + table(.alerts(data, clock))
        out += "<h2>Nodes</h2>" + table(.nodes(data))
        for node in data.nodes {
            let frame = ReportChart.Frame(
                from: data.from, to: data.to, clock: clock, periods: periods.filter { $0.node == nil || $0.node == node.id },
                marks: marks(data, node: node.id))
            out += "<section class=\"node\"><h2>\(ReportCell(node.address).html)"
            if let role = node.role { out += " <small>(\(ReportCell(role).html))</small>" }
            out += "</h2><div class=\"charts\">"
            for metric in ReportMetric.allCases {
                let isMemory = metric == .memory
                out += ReportChart.svg(
                    title: metric.title, series: .of(node, metric), frame: frame, limit: isMemory ? node.maxmemory : [],
                    ceiling: metric == .hitRatio ? 100 : nil, label: { isMemory ? ReportFormat.bytes($0) : ReportFormat.number($0) })
            }
            out += "</div></section>"
        }
        out += "<h2>Topology and failover events</h2>" + table(.events(data, clock))
        out += "<h2>Operator's actions</h2>" + table(.actions(data, clock))
        let keyEvents = ReportTable.keyEvents(data, clock)
        if !keyEvents.rows.isEmpty { out += "<h2>Key events</h2>" + table(keyEvents) }
        out += "<h2>Top prefixes by memory</h2>" + table(.prefixes(data))
        return out + "</body></html>\n"
    }

    /// The moments marked on a node's charts: topology and failover events and the operator's
    /// actions, on that node or on none in particular.
    static func marks(_ data: ReportData, node: Int64) -> [(t: Int64, text: ReportCell)] {
        let events = data.events.filter { !["keyspace", "recording"].contains($0.kind) && ($0.node == nil || $0.node == node) }
        let actions = data.actions.filter { $0.node == nil || $0.node == node }
        // Raw bytes (a key name) stay raw until the chart escapes the whole tooltip once.
        return events.map { ($0.t, ReportCell($0.kind + ": " + ($0.detail ?? ""))) }
            + actions.map { ($0.t, ReportCell(bytes: Array(($0.kind + " ").utf8) + ($0.subject ?? []) + Array((": " + $0.state).utf8))) }
    }

    /// A table; every cell is escaped here, once, so no caller can forget or repeat it.
    static func table(_ table: ReportTable) -> String {
        guard !table.rows.isEmpty else { return "<p><em>none</em></p>" }
        var out = "<table><tr>" + table.header.map { "<th>\(ReportText.html($0))</th>" }.joined() + "</tr>"
        for row in table.rows { out += "<tr>" + row.map { "<td>\($0.html)</td>" }.joined() + "</tr>" }
        return out + "</table>"
    }
}
