// How a message reaches a pane component, and how pane requests reach the app and other panes.
import Inspector
import TerminalUI

extension AppUpdate {
    /// Runs a pane's update on its own state and a context made from `state`, takes back what it
    /// wrote (status, overlay), and routes its requests.
    static func inPane<Pane>(
        _ path: WritableKeyPath<AppState, Pane>, _ state: inout AppState,
        _ body: (inout Pane, inout PaneContext) -> [AppEffect]
    ) -> [AppEffect] {
        var context = state.paneContext
        // In place: a pane's state (a 10,000-message log) is never copied for an update.
        let effects = body(&state[keyPath: path], &context)
        state.take(context)
        return effects + route(context.requests, &state)
    }

    /// Carries out what panes asked for, in order.
    static func route(_ requests: [PaneRequest], _ state: inout AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        for request in requests {
            switch request {
            case .show(let pane):
                effects += show(pane, &state)
            case .watchSortedSet(let key, let node):
                effects += inPane(\.leaderboard, &state) { LeaderboardUpdate.watch(key, node: node, &$0, &$1) }
            }
        }
        return effects
    }

    /// Switches to `pane`, starting whatever it needs the first time it is seen.
    static func show(_ pane: Pane, _ state: inout AppState) -> [AppEffect] {
        let previous = state.pane
        state.pane = pane
        guard previous != pane else { return [] }
        // Panes that poll do so only while visible: leaving one stops its load on the server.
        var effects: [AppEffect] = []
        if previous == .server { effects.append(.stopServerPolling) }
        if previous == .leaderboard { effects.append(.stopLeaderboardPolling) }
        return effects + entered(pane, &state)
    }

    /// What a pane starts when it comes into view (or its node changes).
    static func entered(_ pane: Pane, _ state: inout AppState) -> [AppEffect] {
        switch pane {
        case .keys:
            return inPane(\.keys, &state) { KeysUpdate.entered(&$0, &$1) }
        case .server:
            if state.nodes.indices.contains(state.currentNode) { state.server.info = state.nodes[state.currentNode].latest?.info }
            return inPane(\.server, &state) { ServerUpdate.entered(&$0, &$1) }
        case .leaderboard:
            // Nothing watched: the pane offers the index's sorted sets, so the keys walk starts.
            var effects: [AppEffect] = []
            if state.leaderboard.active == nil, state.keys.node == nil { effects += inPane(\.keys, &state) { KeysUpdate.entered(&$0, &$1) } }
            let keys = state.keys
            return effects
                + inPane(\.leaderboard, &state) {
                    LeaderboardUpdate.entered(index: keys.view?.index, node: keys.node ?? 0, complete: keys.progress.phase == .finished, &$0, &$1)
                }
        case .pubsub:
            return inPane(\.pubsub, &state) { PubSubUpdate.entered(&$0, &$1) }
        case .overview:
            return []
        }
    }

    /// Narrows every pane to node `node` (`:node N`, or Enter on an overview row), or back to
    /// all nodes with nil (`:node all`, or Esc on the overview).
    static func focus(node: Int?, _ state: inout AppState) -> [AppEffect] {
        if let node {
            state.focusedNode = node
            state.overview.table.select(0, count: 1)
            state.status = StatusMessage("showing node \(node + 1): \(state.nodes[node].address) (Esc on the overview, or :node all, shows all)", now: state.now)
            if state.pane == .keys || state.pane == .server { return entered(state.pane, &state) }
        } else {
            state.focusedNode = nil
            state.status = StatusMessage("showing all \(state.nodes.count) nodes", now: state.now)
            // In cluster mode the keys pane goes back to the whole cluster.
            if state.pane == .keys, state.keysSpanCluster { return entered(.keys, &state) }
        }
        return []
    }
}
