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
        case .nextSection: server.section = section.next
        case .previousSection: server.section = section.previous
        case .sortColumn:
            let next = (server.sortIndex(section) + 1) % section.sortNames.count
            server.sort[section] = next
            table.selectFirst(count: count)
            context.status = StatusMessage("\(section.title.lowercased()) sorted by \(section.sortNames[next])", now: context.now, lifetime: 3)
        case .back:
            context.status = nil
        default:
            context.status = StatusMessage("not available in the server pane", kind: .warning, now: context.now, lifetime: 3)
        }
        server.tables[section] = table
        return []
    }

    static func loaded(_ node: Int, _ result: Result<ServerSnapshot, LoadError>, _ server: inout ServerState, _ context: inout PaneContext) {
        guard server.node == node else { return }
        switch result {
        case .success(let snapshot):
            server.snapshot = snapshot
            server.updatedAt = context.now
            server.error = nil
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
