// The server pane's replication section: each replica's link, lag and a lag sparkline; a replica's sync.
import Inspector
import TerminalUI

extension ServerView {
    /// On a primary, one row a replica (in a cluster, every shard's, with its primary): state (a full sync shows as `wait_bgsave`/`send_bulk`),
    /// offset lag in bytes, seconds since its last acknowledgement, and the lag's recent shape.
    /// On a replica, its primary, link state and sync progress say it in the empty text.
    static func replication(_ server: ServerState, _ context: PaneContext) -> Content {
        let theme = context.theme
        let replicaRows = ServerRows.replicas(server)
        let cluster = replicaRows.contains { $0.primary != nil }
        let rows = replicaRows.map { row -> Table.Row in
            let replica = row.replica
            let stateStyle = replica.isSyncing ? theme.warn : (replica.state == "online" ? theme.ok : theme.critical)
            let history = server.replicaLagHistory[replica.address] ?? []
            return Table.Row(
                (cluster ? ["\(row.primary ?? "")"] : []) + [
                    "\(replica.address)",
                    Line(Span("\(replica.state)", style: stateStyle)),
                    Line(Span("\(Formatting.bytes(Double(replica.offsetLag)))", style: replica.offsetLag > 0 ? theme.warn : theme.text)),
                    Line(Span("\(replica.lagSeconds)s", style: replica.lagSeconds > 10 ? theme.critical : theme.text)),
                    Line(Span(sparkline(history.suffix(16), symbols: context.symbols), style: theme.accent)),
                ])
        }
        return Content(
            header: (cluster ? ["PRIMARY"] : []) + ["REPLICA", "STATE", "BEHIND", "ACK", "LAG"],
            widths: (cluster ? [.length(15)] : []) + [.fill(1), .length(cluster ? 9 : 11), .length(8), .length(5), .length(cluster ? 10 : 16)],
            alignments: (cluster ? [.left] : []) + [.left, .left, .right, .right, .left], rows: rows, empty: replicaSummary(server))
    }

    /// What a node without replicas says: its own link when it is a replica, else that it has none.
    static func replicaSummary(_ server: ServerState) -> DisplayText {
        guard let info = server.info else { return "waiting for the node's INFO" }
        let status = ReplicationStatus(info)
        guard status.isReplica else { return "no replicas" }
        var text: DisplayText = "replica of \(status.primaryAddress ?? "?") · link \(status.linkUp == true ? "up" : "down")"
        if let io = status.lastIOSeconds, io >= 0 { text.append(" · last I/O \(io)s ago") }
        if let progress = status.syncProgress { text.append(" · full sync \(Formatting.percent(progress))") }
        return text
    }

    /// Values as a one-line bar chart, scaled to their own maximum.
    static func sparkline(_ values: some Collection<Double>, symbols: Symbols) -> DisplayText {
        let top = values.max() ?? 0
        var text = DisplayText.empty
        for value in values {
            let level = top > 0 ? Int((value / top * 8).rounded(.up)) : 0
            text.append(symbols.sparkline[max(0, min(8, level))])
        }
        return text
    }
}
