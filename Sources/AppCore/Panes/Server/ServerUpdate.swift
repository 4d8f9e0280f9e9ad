import Inspector
import TerminalUI

/// How the server pane reacts to actions and to the snapshots the poller sends back.
enum ServerUpdate {
    /// Called when the pane comes into view: polling starts (and stops when it leaves), so a
    /// node nobody is looking at gets no SLOWLOG/CLIENT LIST load.
    static func entered(_ state: inout AppState) -> [AppEffect] {
        if state.server.node != state.currentNode {
            state.server.snapshot = nil
            state.server.error = nil
            state.server.updatedAt = nil
            state.server.tables = [:]
        }
        state.server.node = state.currentNode
        return [.pollServer(node: state.currentNode)]
    }

    static func perform(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        let section = state.server.section
        let count = ServerRows.count(section, state)
        var table = state.server.table(section)
        let page = max(1, state.height / 2 - 6)
        switch action {
        case .moveUp: table.move(by: -1, count: count)
        case .moveDown: table.move(by: 1, count: count)
        case .pageUp: table.move(by: -page, count: count)
        case .pageDown: table.move(by: page, count: count)
        case .top: table.selectFirst(count: count)
        case .bottom: table.selectLast(count: count)
        case .nextSection: state.server.section = section.next
        case .previousSection: state.server.section = section.previous
        case .sortColumn:
            let next = (state.server.sortIndex(section) + 1) % section.sortNames.count
            state.server.sort[section] = next
            table.selectFirst(count: count)
            state.status = StatusMessage("\(section.title.lowercased()) sorted by \(section.sortNames[next])", now: state.now, lifetime: 3)
        case .back:
            state.status = nil
        default:
            state.status = StatusMessage("not available in the server pane", kind: .warning, now: state.now, lifetime: 3)
        }
        state.server.tables[section] = table
        return []
    }

    static func loaded(_ node: Int, _ result: Result<ServerSnapshot, LoadError>, _ state: inout AppState) {
        guard state.server.node == node else { return }
        switch result {
        case .success(let snapshot):
            state.server.snapshot = snapshot
            state.server.updatedAt = state.now
            state.server.error = nil
        case .failure(let error):
            state.server.error = error.description
        }
        // Keep selections inside the new row counts.
        for section in ServerSection.allCases {
            guard var table = state.server.tables[section], let selected = table.selected else { continue }
            let count = ServerRows.count(section, state)
            table.select(min(selected, max(0, count - 1)), count: count)
            state.server.tables[section] = table
        }
    }
}
