// `K` in the server pane: who would go (a dry run), the node's address typed, then CLIENT KILL by id.
import Inspector
import TerminalUI

/// The server pane's side of a client kill. Every step goes to the mutation path as an effect,
/// which refuses it in read-only mode and writes it to the audit log; a kill cannot be undone.
enum ClientKillUpdate {
    /// `K`: the clients the filter matches, else the selected group or client.
    static func start(_ server: inout ServerState, _ context: inout PaneContext) -> [AppEffect] {
        guard server.section == .clients else {
            context.status = StatusMessage("K kills clients: go to the Clients section (→)", kind: .warning, now: context.now, lifetime: 4)
            return []
        }
        guard let selector = selector(server) else {
            context.status = StatusMessage("select a client (or set a filter with /) first", kind: .warning, now: context.now, lifetime: 3)
            return []
        }
        context.overlay = .clientKill(.working("listing the clients of \(selector)…"))
        return [.mutate(node: server.node ?? context.currentNode, .planClientKill(selector))]
    }

    /// Who `K` is for now.
    static func selector(_ server: ServerState) -> ClientSelector? {
        if let filter = server.clientFilter, !filter.isEmpty { return .filter(filter) }
        guard let selected = server.table(.clients).selected else { return nil }
        if server.showsClientGroups {
            let groups = ServerRows.clientGroups(server)
            return groups.indices.contains(selected) ? .group(groups[selected].identity) : nil
        }
        let clients = ServerRows.clients(server)
        return clients.indices.contains(selected) ? .ids([clients[selected].id]) : nil
    }

    /// What the mutation path answered about a kill.
    static func finished(_ result: MutationResult, _ server: inout ServerState, _ context: inout PaneContext) {
        switch result {
        case .clientKillPlanned(let plan) where plan.clients.isEmpty:
            context.overlay = nil
            let own = plan.ownSkipped > 0 ? " (\(plan.ownSkipped) of cachescope's own connections are never offered)" : ""
            context.status = StatusMessage("no clients to kill\(own)", kind: .warning, now: context.now, lifetime: 6)
        case .clientKillPlanned(let plan):
            context.overlay = .clientKill(.confirm(plan, typed: InputLineState()))
        case .clientsKilled(let outcome):
            context.overlay = nil
            context.status = StatusMessage(DisplayText(sanitizing: outcome.summary), kind: outcome.failed.isEmpty ? .success : .warning, now: context.now, lifetime: 10)
        default:
            break
        }
    }

    /// Keys while the kill dialog is up.
    static func dialogKey(_ key: Key, _ dialog: ClientKillDialog, _ server: inout ServerState, _ context: inout PaneContext) -> [AppEffect] {
        switch dialog {
        case .working:
            if key == .escape { context.overlay = nil }
        case .confirm(let plan, var typed):
            switch typed.handle(key) {
            case .submitted(let text):
                guard text == plan.confirmationWord else {
                    typed.text = text
                    context.overlay = .clientKill(.confirm(plan, typed: typed))
                    context.status = StatusMessage("type \(plan.confirmationWord) exactly to confirm, Esc to cancel", kind: .warning, now: context.now)
                    return []
                }
                context.overlay = .clientKill(.working("killing \(plan.clients.count) client\(plan.clients.count == 1 ? "" : "s")…"))
                return [.mutate(node: server.node ?? context.currentNode, .killClients(plan))]
            case .cancelled:
                context.overlay = nil
                context.status = StatusMessage("nothing killed", now: context.now, lifetime: 3)
            default:
                context.overlay = .clientKill(.confirm(plan, typed: typed))
            }
        }
        return []
    }
}
