/// The report's tables, shared by the HTML page and the Markdown summary: the alert summary, the
/// nodes at a glance, the operator's actions, topology and failover events, key events and the top
/// prefixes at the start and the end. Cells stay raw here; each format escapes them once.
public struct ReportTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[ReportCell]]

    /// What crossed which alert rule, where, when and for how long.
    static func alerts(_ data: ReportData, _ clock: ReportClock) -> ReportTable {
        ReportTable(header: AlertPeriod.summaryHeader, rows: AlertPeriod.periods(data).map { $0.summary(data, clock: clock) })
    }

    /// Each node's extremes over the window.
    static func nodes(_ data: ReportData) -> ReportTable {
        ReportTable(
            header: ["node", "role", "peak ops/s", "lowest hit ratio", "peak memory", "evictions", "peak latency"],
            rows: data.nodes.map { node in
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
    }

    /// The operator's actions (the audit entries) with their outcomes.
    static func actions(_ data: ReportData, _ clock: ReportClock) -> ReportTable {
        ReportTable(
            header: ["time", "node", "action", "target", "keys", "outcome", "detail"],
            rows: data.actions.map { a in
                [
                    ReportCell(clock.time(a.t)), ReportCell(nodeName(a.node, data)), ReportCell(a.kind), a.subject.cell,
                    ReportCell(a.count.map { "\($0)" } ?? ""), ReportCell(a.state), ReportCell(a.detail ?? ""),
                ]
            })
    }

    /// Topology, failover and sentinel events (and the recording's own start and stop).
    static func events(_ data: ReportData, _ clock: ReportClock) -> ReportTable {
        ReportTable(
            header: ["time", "node", "kind", "detail"],
            rows: data.events.filter { $0.kind != "keyspace" }.map { e in
                [ReportCell(clock.time(e.t)), ReportCell(nodeName(e.node, data)), ReportCell(e.kind), ReportCell(e.detail ?? "")]
            })
    }

    /// Key events (keyspace notifications), by key.
    static func keyEvents(_ data: ReportData, _ clock: ReportClock) -> ReportTable {
        ReportTable(
            header: ["time", "node", "key", "event"],
            rows: data.events.filter { $0.kind == "keyspace" }.map { e in
                [ReportCell(clock.time(e.t)), ReportCell(nodeName(e.node, data)), e.subject.cell, ReportCell(e.detail ?? "")]
            })
    }

    /// The top prefixes by memory at the end, beside the same prefixes at the start (and those
    /// of the start that left the top).
    static func prefixes(_ data: ReportData) -> ReportTable {
        let end = Dictionary(data.prefixesAtEnd.map { ($0.prefix, $0) }, uniquingKeysWith: { a, _ in a })
        let start = Dictionary(data.prefixesAtStart.map { ($0.prefix, $0) }, uniquingKeysWith: { a, _ in a })
        var order = data.prefixesAtEnd.map(\.prefix)
        for p in data.prefixesAtStart.map(\.prefix) where end[p] == nil { order.append(p) }
        func memory(_ prefix: ReportData.Prefix?) -> String {
            guard let prefix else { return "–" }
            return ReportFormat.bytes(Double(prefix.memory)) + (prefix.estimated ? " (est.)" : "")
        }
        return ReportTable(
            header: ["prefix", "memory at start", "memory at end", "change", "keys at start", "keys at end"],
            rows: order.map { p in
                let change = ReportFormat.signedBytes(Double((end[p]?.memory ?? 0) - (start[p]?.memory ?? 0)))
                let figures = [memory(start[p]), memory(end[p]), change, start[p].map { "\($0.keys)" } ?? "–", end[p].map { "\($0.keys)" } ?? "–"]
                return [ReportCell(bytes: p)] + figures.map { ReportCell($0) }
            })
    }

    /// The node's address, or "all" for rows about no single node.
    static func nodeName(_ node: Int64?, _ data: ReportData) -> String {
        guard let node else { return "all" }
        return data.nodes.first { $0.id == node }?.address ?? "node \(node)"
    }
}
