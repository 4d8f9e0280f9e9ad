import Inspector

/// The server pane's data in the order the chosen sort puts it: what the view draws and what
/// selection moves over.
enum ServerRows {
    /// The slow log, or the `COMMANDLOG` kind chosen with `c` (``ServerState/logKind``).
    static func slowlog(_ server: ServerState) -> [SlowlogEntry] {
        let entries = server.logKind.flatMap { server.snapshot?.commandLog?.entries[$0] } ?? server.snapshot?.slowlog ?? []
        switch server.sortIndex(.slowlog) {
        case 1: return entries.sorted { ($0.durationMicroseconds, $0.id) > ($1.durationMicroseconds, $1.id) }
        default: return entries.sorted { $0.id > $1.id }
        }
    }

    /// The clients the `/` filter lets through, in the chosen sort.
    static func clients(_ server: ServerState) -> [ClientInfo] {
        var clients = server.snapshot?.clients ?? []
        if let filter = server.clientFilter { clients = clients.filter(filter.matches) }
        switch server.sortIndex(.clients) {
        case 1: return clients.sorted { ($0.ageSeconds, $1.id) > ($1.ageSeconds, $0.id) }
        case 2: return clients.sorted { $0.id < $1.id }
        case 3: return clients.sorted { ($0.lastCommand, $0.id) < ($1.lastCommand, $1.id) }
        case 4: return clients.sorted { ($0.outputMemory, $1.id) > ($1.outputMemory, $0.id) }
        case 5: return clients.sorted { ($0.totalMemory, $1.id) > ($1.totalMemory, $0.id) }
        case 6: return clients.sorted { ($0.queryBuffer, $1.id) > ($1.queryBuffer, $0.id) }
        case 7: return clients.sorted { $0.name != $1.name ? $0.name.lexicographicallyPrecedes($1.name) : $0.id < $1.id }
        case 8: return clients.sorted { ($0.address, $0.id) < ($1.address, $1.id) }
        default: return clients.sorted { ($0.idleSeconds, $1.id) > ($1.idleSeconds, $0.id) }
        }
    }

    /// From the overview's newest `INFO all` sample of the polled node (``ServerState/info``): no extra command.
    static func commands(_ server: ServerState) -> [CommandStat] {
        guard let info = server.info else { return [] }
        let stats = CommandStat.parse(info)
        switch server.sortIndex(.commands) {
        case 1: return stats.sorted { ($0.calls, $1.name) > ($1.calls, $0.name) }
        case 2: return stats.sorted { ($0.microsecondsPerCall, $1.name) > ($1.microsecondsPerCall, $0.name) }
        case 3: return stats.sorted { $0.name < $1.name }
        default: return stats.sorted { ($0.microseconds, $1.name) > ($1.microseconds, $0.name) }
        }
    }

    static func latency(_ server: ServerState) -> [LatencyEvent] {
        let events = server.snapshot?.latency ?? []
        switch server.sortIndex(.latency) {
        case 1: return events.sorted { ($0.latestMilliseconds, $1.event) > ($1.latestMilliseconds, $0.event) }
        case 2: return events.sorted { $0.event < $1.event }
        default: return events.sorted { ($0.maxMilliseconds, $1.event) > ($1.maxMilliseconds, $0.event) }
        }
    }

    /// The groups of the clients the filter lets through, heaviest output buffers first.
    static func clientGroups(_ server: ServerState) -> [ClientGroup] {
        guard let report = server.clientsReport else { return [] }
        let groups = server.clientFilter.map { ClientGroup.group(report.clients.filter($0.matches), flags: report.flags) } ?? report.groups
        // The sorts of single clients, on the groups' sums; the heaviest output buffers lead by default.
        switch server.sortIndex(.clients) {
        case 1, 2: return groups.sorted { $0.ids.lexicographicallyPrecedes($1.ids) }
        case 3: return groups.sorted { ($0.commands.first?.command ?? "", $0.ids.first ?? 0) < ($1.commands.first?.command ?? "", $1.ids.first ?? 0) }
        case 5: return groups.sorted { ($0.totalMemory, $1.ids.first ?? 0) > ($1.totalMemory, $0.ids.first ?? 0) }
        case 6: return groups.sorted { ($0.queryBuffer, $1.ids.first ?? 0) > ($1.queryBuffer, $0.ids.first ?? 0) }
        case 7: return groups.sorted { $0.identity.name != $1.identity.name ? $0.identity.name.lexicographicallyPrecedes($1.identity.name) : ($0.ids.first ?? 0) < ($1.ids.first ?? 0) }
        case 8: return groups.sorted { ($0.identity.host, $0.ids.first ?? 0) < ($1.identity.host, $1.ids.first ?? 0) }
        default: return groups
        }
    }

    /// One replica row: in a cluster, with the primary it copies.
    struct ReplicaRow {
        var primary: String?
        var replica: ReplicationStatus.Replica
    }

    /// The node's replicas (on a primary) or, in a cluster, every shard's; furthest behind first,
    /// or by address.
    static func replicas(_ server: ServerState) -> [ReplicaRow] {
        var rows: [ReplicaRow]
        if server.shardPrimaries.isEmpty {
            rows = (server.info.map { ReplicationStatus($0).replicas } ?? []).map { ReplicaRow(primary: nil, replica: $0) }
        } else {
            rows = server.shardPrimaries.sorted { $0.key < $1.key }.flatMap { address, info in
                ReplicationStatus(info).replicas.map { ReplicaRow(primary: address, replica: $0) }
            }
        }
        switch server.sortIndex(.replication) {
        case 1: rows.sort { ($0.primary ?? "", $0.replica.address) < ($1.primary ?? "", $1.replica.address) }
        default: rows.sort { ($0.replica.offsetLag, $0.replica.lagSeconds, $1.replica.address) > ($1.replica.offsetLag, $1.replica.lagSeconds, $0.replica.address) }
        }
        return rows
    }

    /// The node's hottest slots by the chosen metric, top ``ServerSnapshot/hotSlotLimit``.
    static func hotSlots(_ server: ServerState) -> [SlotStats] {
        let slots = server.snapshot?.hotSlots ?? []
        func by(_ metric: (SlotStats) -> Int64) -> [SlotStats] { slots.sorted { (metric($0), $1.slot) > (metric($1), $0.slot) } }
        let sorted: [SlotStats]
        switch server.sortIndex(.slots) {
        case 1: sorted = slots.sorted { ($0.cpuMicroseconds ?? 0, $0.keyCount, $1.slot) > ($1.cpuMicroseconds ?? 0, $1.keyCount, $0.slot) }
        case 2: sorted = by { $0.networkBytesIn ?? 0 }
        case 3: sorted = by { $0.networkBytesOut ?? 0 }
        case 4: sorted = slots.sorted { $0.slot < $1.slot }
        default: sorted = by(\.keyCount)
        }
        return Array(sorted.prefix(ServerSnapshot.hotSlotLimit))
    }

    /// How many rows `section` has now.
    static func count(_ section: ServerSection, _ server: ServerState) -> Int {
        switch section {
        case .slowlog: return slowlog(server).count
        case .clients: return server.showsClientGroups ? clientGroups(server).count : clients(server).count
        case .commands: return commands(server).count
        case .latency: return latency(server).count
        case .replication: return replicas(server).count
        case .slots: return hotSlots(server).count
        }
    }
}
