// The server pane's clients section: one client a row, or groups, with the triage flags.
import Inspector
import TerminalUI

extension ServerView {
    /// One client a row: who, how long idle, what it ran last, its output buffer and the flags
    /// triage gave it (a flagged client's flags in the warning colour).
    static func clients(_ server: ServerState, _ context: PaneContext) -> Content {
        let theme = context.theme
        let flags = server.clientsReport?.flags ?? [:]
        let rows = ServerRows.clients(server).map { client -> Table.Row in
            let triage = (flags[client.id] ?? []).sorted().map(\.tag).joined(separator: " ")
            return Table.Row([
                "\(client.id)",
                "\(client.address)",
                Line(DisplayText(ServerBytes(client.name))),
                "\(Formatting.duration(Double(client.ageSeconds)))",
                Line(Span("\(Formatting.duration(Double(client.idleSeconds)))", style: client.idleSeconds >= 300 ? theme.muted : theme.text)),
                "\(client.lastCommand)",
                Line(Span("\(Formatting.bytes(Double(client.outputMemory)))", style: client.outputMemory >= server.clientThresholds.outputBufferBytes ? theme.critical : theme.text)),
                Line(Span("\(triage)", style: theme.warn)),
            ])
        }
        return Content(
            header: ["ID", "ADDRESS", "NAME", "AGE", "IDLE", "CMD", "OMEM", "TRIAGE"],
            widths: [.length(5), .length(21), .fill(1), .length(7), .length(7), .length(12), .length(7), .length(9)],
            alignments: [.right, .left, .left, .right, .right, .left, .right, .left], rows: rows,
            empty: server.clientFilter == nil ? "no clients listed yet" : "no client matches \(server.clientFilter?.text ?? "")",
            dropRanks: [2, nil, nil, 3, 4, 5, 6, nil])
    }

    /// One group a row: clients sharing a name, library, user and host, with their sums.
    static func clientGroups(_ server: ServerState, _ context: PaneContext) -> Content {
        let theme = context.theme
        let rows = ServerRows.clientGroups(server).map { group -> Table.Row in
            let identity = group.identity
            let library = identity.libraryName.isEmpty ? "-" : identity.libraryName + (identity.libraryVersion.isEmpty ? "" : " " + identity.libraryVersion)
            let commands = group.commands.prefix(3).map { "\($0.command)×\($0.count)" }.joined(separator: " ")
            let flagged = group.flags.sorted().map(\.tag).joined(separator: " ")
            return Table.Row([
                "\(group.count)",
                identity.name.isEmpty ? "-" : Line(DisplayText(ServerBytes(identity.name))),
                "\(library)",
                identity.user.isEmpty ? "-" : "\(identity.user)",
                "\(identity.host)",
                Line(Span("\(Formatting.bytes(Double(group.outputMemory)))", style: group.flags.contains(.outputBuffer) ? theme.critical : theme.text)),
                "\(Formatting.bytes(Double(group.totalMemory)))",
                "\(commands)",
                Line(Span("\(flagged)", style: theme.warn)),
            ])
        }
        return Content(
            header: ["N", "NAME", "LIB", "USER", "HOST", "OMEM", "TOT-MEM", "COMMANDS", "TRIAGE"],
            widths: [.length(3), .fill(1), .length(12), .length(8), .length(15), .length(7), .length(7), .length(16), .length(9)],
            alignments: [.right, .left, .left, .left, .left, .right, .right, .left, .left], rows: rows,
            empty: "no clients listed yet", dropRanks: [nil, nil, 3, 2, 1, 5, 4, 6, nil])
    }

    /// What clients cost the node, for the header: client buffers against used memory (INFO's
    /// `mem_clients_normal`, `mem_clients_slaves`), the top consumer, and tracking totals.
    static func clientSummary(_ report: ClientsReport, theme: Theme) -> [Span] {
        var spans: [Span] = []
        if let normal = report.normalClientsMemory, let used = report.usedMemory, used > 0 {
            let replicas = report.replicaClientsMemory ?? 0
            let share = Double(normal + replicas) / Double(used)
            spans.append(Span(" · client buffers \(Formatting.bytes(Double(normal + replicas))) of \(Formatting.bytes(Double(used)))", style: share >= 0.2 ? theme.warn : theme.muted))
        }
        if let top = report.topConsumers(1).first, top.totalMemory > 1 << 20 {
            spans.append(Span(" · top \(ServerBytes(top.name)) \(Formatting.bytes(Double(top.totalMemory)))", style: theme.muted))
        }
        if let keys = report.trackingKeys, keys > 0 {
            spans.append(Span(" · tracking \(keys) keys, \(report.trackingItems ?? 0) items", style: theme.muted))
        }
        return spans
    }
}
