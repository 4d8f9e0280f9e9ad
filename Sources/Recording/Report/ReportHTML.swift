/// The report as one self-contained HTML page: inline CSS and SVG, no script, no font, no URL.
public enum ReportHTML {
    /// The page for `data`; times are written in `clock`'s terms.
    public static func page(_ data: ReportData, clock: (Int64) -> String) -> String {
        let periods = AlertPeriod.periods(data)
        let title = "cachescope report" + (data.label.isEmpty ? "" : ": " + ReportText.visible(data.label))
        var out = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(ReportText.html(title))</title>
            <style>body{font-family:sans-serif;margin:24px;color:#222;background:#fff}table{border-collapse:collapse;margin:8px 0}
            td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}code{font-size:12px}
            figure{margin:6px 0}figcaption{font-size:13px;font-weight:bold}.node{border-top:2px solid #888;margin-top:18px}
            .legend span{display:inline-block;padding:0 6px;margin-right:8px}</style></head><body>
            <h1>\(ReportText.html(title))</h1>
            <p>From \(clock(data.from)) to \(clock(data.to)); \(data.nodes.count) node(s).
            <span class="legend"><span style="background:\(ReportChart.shade)">alert firing</span>
            <span style="border-bottom:2px dashed #b00">maxmemory</span></span></p>
            """
        out += "<h2>Alerts</h2>" + alertTable(periods, data, clock)
        for node in data.nodes {
            let mine = periods.filter { $0.node == nil || $0.node == node.id }
            out += "<section class=\"node\"><h2>\(ReportText.html(ReportText.visible(node.address)))"
            if let role = node.role { out += " <small>(\(ReportText.html(ReportText.visible(role))))</small>" }
            out += "</h2>"
            for metric in ReportMetric.allCases {
                let isMemory = metric == .memory
                let label: (Double) -> String = { isMemory ? ReportFormat.bytes($0) : ReportFormat.number($0) }
                out += ReportChart.svg(
                    title: metric.title, series: .of(node, metric), from: data.from, to: data.to, periods: mine,
                    limit: metric == .memory ? node.maxmemory : [], label: label)
            }
            out += "</section>"
        }
        out += "<h2>Topology and failover events</h2>"
        let topology = data.events.filter { $0.kind != "keyspace" }
        out += table(["time", "node", "kind", "detail"], topology.map { [ReportCell(clock($0.t)), ReportCell(nodeName($0.node, data)), ReportCell($0.kind), ReportCell($0.detail ?? "")] })
        out += "<h2>Operator's actions</h2>"
        out += table(
            ["time", "node", "action", "target", "keys", "outcome", "detail"],
            data.actions.map { a in
                [
                    ReportCell(clock(a.t)), ReportCell(nodeName(a.node, data)), ReportCell(a.kind), a.subject.cell,
                    ReportCell(a.count.map { "\($0)" } ?? ""), ReportCell(a.state), ReportCell(a.detail ?? ""),
                ]
            })
        let keyEvents = data.events.filter { $0.kind == "keyspace" }
        if !keyEvents.isEmpty {
            out += "<h2>Key events</h2>"
            out += table(
                ["time", "node", "key", "detail"], keyEvents.map { [ReportCell(clock($0.t)), ReportCell(nodeName($0.node, data)), $0.subject.cell, ReportCell($0.detail ?? "")] }
            )
        }
        out += "<h2>Top prefixes by memory</h2><h3>At the start</h3>" + prefixTable(data.prefixesAtStart)
        out += "<h3>At the end</h3>" + prefixTable(data.prefixesAtEnd)
        return out + "</body></html>\n"
    }

    static func alertTable(_ periods: [AlertPeriod], _ data: ReportData, _ clock: (Int64) -> String) -> String {
        table(
            AlertPeriod.summaryHeader,
            periods.map { $0.summary(data, clock: clock) })
    }

    static func prefixTable(_ prefixes: [ReportData.Prefix]) -> String {
        table(
            ["prefix", "keys", "memory"],
            prefixes.map { p in
                [ReportCell(bytes: p.prefix), ReportCell("\(p.keys)"), ReportCell(ReportFormat.bytes(Double(p.memory)) + (p.estimated ? " (estimated)" : ""))]
            })
    }

    /// The node's address, or "all" for rows about no single node.
    static func nodeName(_ node: Int64?, _ data: ReportData) -> String {
        guard let node else { return "all" }
        return data.nodes.first { $0.id == node }?.address ?? "node \(node)"
    }

    /// A table; every cell is escaped here, once, so no caller can forget or repeat it.
    static func table(_ header: [String], _ rows: [[ReportCell]]) -> String {
        guard !rows.isEmpty else { return "<p><em>none</em></p>" }
        var out = "<table><tr>" + header.map { "<th>\(ReportText.html($0))</th>" }.joined() + "</tr>"
        for row in rows { out += "<tr>" + row.map { "<td>\($0.html)</td>" }.joined() + "</tr>" }
        return out + "</table>"
    }
}
