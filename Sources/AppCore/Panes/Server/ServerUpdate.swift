import Inspector
import TerminalUI

/// How the server pane reacts to actions and to the snapshots the poller sends back.
enum ServerUpdate {
    /// Called when the pane comes into view: polling starts (and stops when it leaves), so a
    /// node nobody is looking at gets no SLOWLOG/CLIENT LIST load.
    static func entered(_ server: inout ServerState, _ context: inout PaneContext) -> [AppEffect] {
        if server.node != context.currentNode {
            server.snapshot = nil
            server.error = nil
            server.updatedAt = nil
            server.tables = [:]
        }
        server.node = context.currentNode
        return [.pollServer(node: context.currentNode)]
    }

    static func perform(_ action: AppAction, _ server: inout ServerState, _ context: inout PaneContext) -> [AppEffect] {
        let section = server.section
        let count = ServerRows.count(section, server)
        var table = server.table(section)
        let page = max(1, context.height / 2 - 6)
        switch action {
        case .moveUp: table.move(by: -1, count: count)
        case .moveDown: table.move(by: 1, count: count)
        case .pageUp: table.move(by: -page, count: count)
        case .pageDown: table.move(by: page, count: count)
        case .top: table.selectFirst(count: count)
        case .bottom: table.selectLast(count: count)
        case .nextSection:
            var next = section.next
            while !server.shows(next) { next = next.next }
            server.section = next
        case .previousSection:
            var previous = section.previous
            while !server.shows(previous) { previous = previous.previous }
            server.section = previous
        case .cycleLog:
            cycleLog(&server, &context)
            table.selectFirst(count: ServerRows.count(.slowlog, server))
            server.tables[.slowlog] = table
            return []
        case .sortColumn:
            let next = (server.sortIndex(section) + 1) % section.sortNames.count
            server.sort[section] = next
            table.selectFirst(count: count)
            context.status = StatusMessage("\(section.title.lowercased()) sorted by \(section.sortNames[next])", now: context.now, lifetime: 3)
        case .killClients:
            server.tables[section] = table
            return ClientKillUpdate.start(&server, &context)
        case .groupClients:
            server.showsClientGroups.toggle()
            server.section = .clients
            table.selectFirst(count: ServerRows.count(.clients, server))
            context.status = StatusMessage(server.showsClientGroups ? "clients grouped by library, name, user and host (v lists them one by one)" : "clients one by one", now: context.now, lifetime: 3)
        case .filter:
            server.section = .clients
            server.clientFilterInput = InputLineState(text: server.clientFilter?.text ?? "")
        case .back where server.clientFilter != nil:
            server.clientFilter = nil
            context.status = StatusMessage("client filter cleared", now: context.now, lifetime: 3)
        case .back:
            context.status = nil
        default:
            context.status = StatusMessage("not available in the server pane", kind: .warning, now: context.now, lifetime: 3)
        }
        server.tables[section] = table
        return []
    }

    /// `c`: the slow log section shows SLOWLOG, then COMMANDLOG's large requests and large replies.
    static func cycleLog(_ server: inout ServerState, _ context: inout PaneContext) {
        guard server.snapshot?.commandLog != nil else {
            context.status = StatusMessage("this server has no COMMANDLOG (Valkey 8.1+): the slow log is all there is", kind: .warning, now: context.now, lifetime: 3)
            return
        }
        server.section = .slowlog
        switch server.logKind {
        case nil: server.logKind = .largeRequest
        case .largeRequest?: server.logKind = .largeReply
        default: server.logKind = nil
        }
        context.status = StatusMessage("\(ServerView.logTitle(server.logKind).lowercased())", now: context.now, lifetime: 3)
    }

    /// Handles a key while the clients filter line is open.
    static func filterKey(_ key: Key, _ server: inout ServerState, _ context: inout PaneContext) {
        guard var input = server.clientFilterInput else { return }
        switch input.handle(key) {
        case .submitted(let text):
            do {
                let filter = try ClientFilter(text)
                server.clientFilterInput = nil
                server.clientFilter = filter.isEmpty ? nil : filter
                server.tables[.clients] = TableState(selected: 0)
                let shown = ServerRows.count(.clients, server)
                context.status = StatusMessage(filter.isEmpty ? "client filter cleared" : "\(shown) match \(text) · K kills every client it matches", now: context.now)
            } catch {
                input.text = text
                server.clientFilterInput = input
                context.status = StatusMessage("\(text): \(String(describing: error))", kind: .error, now: context.now)
            }
        case .cancelled:
            server.clientFilterInput = nil
        default:
            server.clientFilterInput = input
        }
    }

    static func loaded(_ node: Int, _ result: Result<ServerSnapshot, LoadError>, _ server: inout ServerState, _ context: inout PaneContext) {
        guard server.node == node else { return }
        switch result {
        case .success(let snapshot):
            server.snapshot = snapshot
            server.updatedAt = context.now
            server.error = nil
            server.clientsReport = ClientsReport(
                clients: snapshot.clients, limits: snapshot.outputBufferLimits, info: server.info ?? InfoSnapshot(),
                thresholds: server.clientThresholds, previous: server.clientsReport)
        case .failure(let error):
            server.error = error.description
        }
        // Keep selections inside the new row counts.
        for section in ServerSection.allCases {
            guard var table = server.tables[section], let selected = table.selected else { continue }
            let count = ServerRows.count(section, server)
            table.select(min(selected, max(0, count - 1)), count: count)
            server.tables[section] = table
        }
    }
}
