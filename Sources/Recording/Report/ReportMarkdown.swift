/// The report as Markdown to paste into an incident document: the window, what crossed which
/// alert rule and when, the actions, the events and the top prefixes.
public enum ReportMarkdown {
    /// The summary of `data`; times are written in `clock`'s terms.
    public static func summary(_ data: ReportData, clock: (Int64) -> String) -> String {
        let periods = AlertPeriod.periods(data)
        var out = "## cachescope report" + (data.label.isEmpty ? "" : ": " + ReportCell(data.label).markdown) + "\n\n"
        out += "From \(clock(data.from)) to \(clock(data.to)), \(data.nodes.count) node(s).\n\n"
        out += "### Alerts\n\n"
        out += table(
            AlertPeriod.summaryHeader,
            periods.map { $0.summary(data, clock: clock) })
        out += "### Nodes\n\n"
        out += table(
            ["node", "role", "peak ops/s", "lowest hit ratio", "peak memory", "evictions", "peak latency"],
            data.nodes.map { node in
                let ops = ReportSeries.of(node, .opsPerSecond).points.map(\.value).max()
                let hit = ReportSeries.of(node, .hitRatio).points.map(\.value).min()
                let memory = ReportSeries.of(node, .memory).points.map(\.value).max()
                let latency = ReportSeries.of(node, .latency).points.map(\.value).max()
                let evicted = node.samples.compactMap(\.evicted).reduce(0, +)
                return [
                    node.address, node.role ?? "", ops.map(ReportFormat.number) ?? "–", hit.map { ReportFormat.decimal($0) + "%" } ?? "–",
                    memory.map(ReportFormat.bytes) ?? "–", "\(evicted)", latency.map { ReportFormat.decimal($0) + " ms" } ?? "–",
                ].map { ReportCell($0) }
            })
        out += "### Actions\n\n"
        out += table(
            ["time", "action", "target", "keys", "outcome", "detail"],
            data.actions.map { a in
                [ReportCell(clock(a.t)), ReportCell(a.kind), a.subject.cell, ReportCell(a.count.map { "\($0)" } ?? ""), ReportCell(a.state), ReportCell(a.detail ?? "")]
            })
        out += "### Topology and failover events\n\n"
        out += table(
            ["time", "node", "kind", "detail"],
            data.events.filter { $0.kind != "keyspace" }.map { e in
                [ReportCell(clock(e.t)), ReportCell(ReportHTML.nodeName(e.node, data)), ReportCell(e.kind), ReportCell(e.detail ?? "")]
            })
        out += "### Top prefixes by memory (start → end)\n\n"
        let end = Dictionary(data.prefixesAtEnd.map { ($0.prefix, $0) }, uniquingKeysWith: { a, _ in a })
        let start = Dictionary(data.prefixesAtStart.map { ($0.prefix, $0) }, uniquingKeysWith: { a, _ in a })
        var order = data.prefixesAtEnd.map(\.prefix)
        for p in data.prefixesAtStart.map(\.prefix) where end[p] == nil { order.append(p) }
        out += table(
            ["prefix", "memory at start", "memory at end", "keys at start", "keys at end"],
            order.map { p in
                let figures = [
                    start[p].map { ReportFormat.bytes(Double($0.memory)) } ?? "–", end[p].map { ReportFormat.bytes(Double($0.memory)) } ?? "–",
                    start[p].map { "\($0.keys)" } ?? "–", end[p].map { "\($0.keys)" } ?? "–",
                ]
                return [ReportCell(bytes: p)] + figures.map { ReportCell($0) }
            })
        return out
    }

    /// A table; every cell is made visible and Markdown-escaped here, once (no `|` breaks a row).
    static func table(_ header: [String], _ rows: [[ReportCell]]) -> String {
        guard !rows.isEmpty else { return "_none_\n\n" }
        var out = "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows { out += "| " + row.map(\.markdown).joined(separator: " | ") + " |\n" }
        return out + "\n"
    }
}
