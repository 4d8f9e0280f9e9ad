import Inspector
import TerminalUI

/// The overview's last row in cluster mode: the whole cluster at a glance — ops/s and memory
/// summed over every node, the hit ratio over every lookup, evictions and clients summed, and
/// the keys held by the primaries (replicas hold copies, so they are not counted twice).
enum ClusterTotalRow {
    /// Shown in cluster mode when more than one node is listed.
    static func isShown(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, indices: [Int]) -> Bool {
        context.cluster != nil && indices.count > 1
    }

    static func row(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, indices: [Int]) -> Table.Row? {
        guard isShown(overview, fleet, context, indices: indices) else { return nil }
        let theme = context.theme
        let nodes = indices.map { fleet.nodes[$0] }
        let sampled = nodes.filter { $0.latest != nil }
        let rates = sampled.compactMap(\.rates)
        let ops = rates.reduce(0) { $0 + $1.opsPerSecond }
        let hits = rates.reduce(0) { $0 + $1.hitsPerSecond }
        let misses = rates.reduce(0) { $0 + $1.missesPerSecond }
        let evictions = rates.reduce(0) { $0 + $1.evictionsPerSecond }
        let memory = sampled.reduce(Int64(0)) { $0 + ($1.latest?.usedMemory ?? 0) }
        let clients = sampled.reduce(Int64(0)) { $0 + ($1.latest?.connectedClients ?? 0) }
        let keys = sampled.filter { $0.latest?.role == "master" }.reduce(Int64(0)) { $0 + ($1.latest?.totalKeys ?? 0) }
        let down = nodes.filter(\.isDown).count
        let label: DisplayText = "cluster total · \(Formatting.number(Double(keys))) keys\(down > 0 ? " · \(down) down" : "")"
        let style = theme.text.adding(.bold)
        return Table.Row([
            Line(Span(label, style: down > 0 ? theme.critical.adding(.bold) : style)),
            Line(Span(context.cluster.map { "\($0.coveredSlots == 16384 ? "ok" : "\($0.coveredSlots)/16384")" } ?? .empty, style: theme.muted)),
            Line(Span("\(rates.isEmpty ? "…" : Formatting.number(ops))", style: style)),
            Line(""),
            Line(Span("\(hits + misses > 0 ? Formatting.percent(hits / (hits + misses)) : "-")", style: style)),
            Line(""),
            Line(Span("\(Formatting.bytes(Double(memory)))", style: style)),
            Line(""),
            Line(Span("\(rates.isEmpty ? "…" : Formatting.number(evictions))", style: style)),
            Line(""),
            Line(Span("\(clients)", style: style)),
            Line(""),
        ])
    }
}
