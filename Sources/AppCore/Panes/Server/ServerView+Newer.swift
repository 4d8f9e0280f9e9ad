import Inspector
import TerminalUI

/// The newer servers' own sections of the server pane: `COMMANDLOG`'s kinds in the slow log box
/// (Valkey 8.1+), and a cluster node's hot slots from `CLUSTER SLOT-STATS` (Valkey 8.0+, Redis 8.2+).
extension ServerView {
    /// The slow log box's title for the kind shown.
    static func logTitle(_ kind: CommandLog.Kind?) -> String {
        switch kind {
        case nil, .slow?: return "Slow log"
        case .largeRequest?: return "Large requests (COMMANDLOG)"
        case .largeReply?: return "Large replies (COMMANDLOG)"
        }
    }

    /// The hot slots: keys, CPU and network per slot, top 20 by the chosen metric. CPU and network
    /// read `-` where the server does not track them (`cluster-slot-stats-enabled no`).
    static func hotSlots(_ server: ServerState, _ context: PaneContext) -> Content {
        let theme = context.theme
        let slots = ServerRows.hotSlots(server)
        // Cluster-wide (every primary asked): each slot's owner.
        let owners = server.snapshot?.hotSlotOwners ?? [:]
        let hottest = slots.compactMap(\.cpuMicroseconds).max() ?? 0
        let rows = slots.map { stats -> Table.Row in
            let cpu = stats.cpuMicroseconds.map { micros($0) } ?? "-"
            let hot = hottest > 0 && stats.cpuMicroseconds == hottest
            var cells: [Line] = [
                "\(stats.slot)",
                "\(Formatting.number(Double(stats.keyCount)))",
                Line(Span("\(cpu)", style: hot ? theme.warn : theme.text)),
                "\(stats.networkBytesIn.map { Formatting.bytes(Double($0)) } ?? "-")",
                "\(stats.networkBytesOut.map { Formatting.bytes(Double($0)) } ?? "-")",
            ]
            if !owners.isEmpty { cells.append("\(owners[stats.slot] ?? "?")") }
            return Table.Row(cells)
        }
        guard !owners.isEmpty else {
            return Content(
                header: ["SLOT", "KEYS", "CPU", "NET IN", "NET OUT"],
                widths: [.length(6), .length(8), .length(9), .length(9), .fill(1)],
                alignments: [.right, .right, .right, .right, .right], rows: rows,
                empty: "no slots served by this node")
        }
        return Content(
            header: ["SLOT", "KEYS", "CPU", "NET IN", "NET OUT", "NODE"],
            widths: [.length(6), .length(7), .length(9), .length(8), .length(8), .fill(1)],
            alignments: [.right, .right, .right, .right, .right, .left], rows: rows,
            empty: "no slots served")
    }
}
