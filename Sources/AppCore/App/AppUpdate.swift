import Inspector
import TerminalUI

/// The one place state changes: `update(&state, message)` applies a message and returns the
/// effects to run. Pure: no I/O, no clocks, so every behaviour is testable as data.
public enum AppUpdate {
    public static func update(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
        switch message {
        case .terminal(let event):
            return handle(event, &state)
        case .sampled(let index, let outcome):
            guard state.nodes.indices.contains(index) else { return [] }
            let wasDown = state.nodes[index].isDown
            switch outcome {
            case .sample(let sample):
                state.now = max(state.now, sample.time)
                state.nodes[index].record(sample)
            case .failure(let error, let time):
                state.now = max(state.now, time)
                state.nodes[index].recordFailure(error, at: time)
            }
            state.alerts.evaluate(state.nodes[index], at: state.now)
            // The node is back: a keys scan that failed while it was down starts again by itself.
            if wasDown, !state.nodes[index].isDown { return KeysUpdate.nodeRecovered(index, &state) }
            return []
        case .tick(let now, let wall):
            state.now = max(state.now, now)
            state.wallMilliseconds = wall
            if let status = state.status, status.expires <= state.now { state.status = nil }
            return []
        case .themeLoaded(let name, let result):
            switch result {
            case .success(let loaded):
                state.theme = loaded.theme.resolved(for: state.colorSupport)
                state.themeName = name
                let fellBack = loaded.fellBack.isEmpty ? "" : " (default used for: \(loaded.fellBack.joined(separator: ", ")))"
                state.status = StatusMessage("theme \(name)\(fellBack)", kind: .success, now: state.now)
            case .failure(let error):
                state.status = StatusMessage(error.description, kind: .error, now: state.now, lifetime: 10)
            }
            return []
        case .keyspaceUpdated(let node, let update):
            KeysUpdate.scanUpdated(node, update, &state)
            return DoctorUpdate.scanUpdated(node, update, &state)
        case .doctorFinished(let node, let result):
            DoctorUpdate.finished(node, result, &state)
            return []
        case .keyDetailLoaded(let key, let result):
            KeysUpdate.detailLoaded(key, result, &state)
            return []
        case .valuePageLoaded(let key, let result):
            KeysUpdate.pageLoaded(key, result, &state)
            return []
        case .serverSnapshotLoaded(let node, let result):
            ServerUpdate.loaded(node, result, &state)
            return []
        case .leaderboardLoaded(let node, let key, let result):
            LeaderboardUpdate.loaded(node, key, result, &state)
            return []
        case .memberRankFound(let key, let member, let result):
            LeaderboardUpdate.rankFound(key, member, result, &state)
            return []
        case .pubsubReceived(let node, let batch, let now):
            PubSubUpdate.received(node: node, batch: batch, now: now, &state)
            return []
        case .published(let channel, let result):
            PubSubUpdate.published(channel: channel, result: result, &state)
            return []
        case .channelsListed(let node, let result):
            PubSubUpdate.channelsListed(node: node, result: result, &state)
            return []
        case .keyspaceEventsChecked(let node, let result):
            return PubSubUpdate.keyspaceChecked(node: node, result: result, &state)
        case .keyspaceEventsSet(let node, let flags, let previous, let error):
            return PubSubUpdate.keyspaceSet(node: node, flags: flags, previous: previous, error: error, &state)
        case .mutationFinished(let result):
            DoctorUpdate.mutationFinished(result, &state)
            return MutationUpdate.finished(result, &state)
        case .clusterChanged(let overview, let added):
            ClusterUpdate.changed(overview, added: added, &state)
            return []
        case .dumpFinished(let result):
            switch result {
            case .success(let paths): state.status = StatusMessage("dumped to \(paths.joined(separator: ", "))", kind: .success, now: state.now, lifetime: 10)
            case .failure(let error): state.status = StatusMessage("dump failed: \(error)", kind: .error, now: state.now, lifetime: 10)
            }
            return []
        }
    }

    // MARK: terminal events

    static func handle(_ event: TerminalEvent, _ state: inout AppState) -> [AppEffect] {
        switch event {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return LeaderboardUpdate.resized(&state)
        case .paste(let text):
            if case .command(var line) = state.overlay {
                line.insert(text)
                state.overlay = .command(line)
            }
            return []
        case .key(let key):
            if let overlay = state.overlay { return handleOverlayKey(key, overlay, &state) }
            if state.pane == .keys, state.keys.filterInput != nil {
                KeysUpdate.filterKey(key, &state)
                return []
            }
            if state.pane == .keys, state.doctor.isOpen, let effects = DoctorUpdate.handleKey(key, &state) { return effects }
            if state.pane == .pubsub, state.pubsub.filterInput != nil {
                PubSubUpdate.filterKey(key, &state)
                return []
            }
            if state.pane == .leaderboard, state.leaderboard.findInput != nil {
                return LeaderboardUpdate.findKey(key, &state)
            }
            guard let action = state.keymap.lookup(key, scope: state.scope) else { return [] }
            return perform(action, &state)
        }
    }

    static func handleOverlayKey(_ key: Key, _ overlay: Overlay, _ state: inout AppState) -> [AppEffect] {
        switch overlay {
        case .help(let scroll):
            switch key {
            case .escape, .character("?"), .character("q"), .enter: state.overlay = nil
            case .down, .character("j"): state.overlay = .help(scroll: scroll + 1)
            case .up, .character("k"): state.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown: state.overlay = .help(scroll: scroll + 10)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
            case .control("c"): return [.quit]
            default: break
            }
            return []
        case .mutation(let dialog):
            return MutationUpdate.handleKey(key, dialog, &state)
        case .pubsub(let dialog):
            return PubSubUpdate.dialogKey(key, dialog, &state)
        case .command(var line):
            let event = line.handle(key) { prefix in
                prefix.contains(" ") ? [] : AppCommand.completions(for: prefix)
            }
            switch event {
            case .submitted(let text):
                state.commandHistory = line.history
                state.overlay = nil
                return runCommand(text, &state)
            case .cancelled:
                state.commandHistory = line.history
                state.overlay = nil
            default:
                state.overlay = .command(line)
            }
            return []
        }
    }

    // MARK: actions

    static func perform(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case .quit: return [.quit]
        case .help: state.overlay = .help(scroll: 0)
        case .command: state.overlay = .command(InputLineState(history: state.commandHistory))
        case .nextPane: return show(state.pane.next, &state)
        case .previousPane: return show(state.pane.previous, &state)
        case .paneOverview: return show(.overview, &state)
        case .paneKeys: return show(.keys, &state)
        case .paneLeaderboard: return show(.leaderboard, &state)
        case .panePubSub: return show(.pubsub, &state)
        case .paneServer: return show(.server, &state)
        case .doctor where state.pane == .keys:
            return DoctorUpdate.open(&state)
        case .watchSortedSet where state.pane == .keys:
            return LeaderboardUpdate.watchSelectedKey(&state)
        case _ where state.pane == .keys:
            return KeysUpdate.perform(action, &state)
        case _ where state.pane == .leaderboard:
            return LeaderboardUpdate.perform(action, &state)
        case _ where state.pane == .server:
            return ServerUpdate.perform(action, &state)
        case _ where state.pane == .pubsub:
            return PubSubUpdate.perform(action, &state)
        case .open where state.pane == .overview:
            // The node picker: Enter on a row narrows every pane to that node.
            let visible = state.visibleNodeIndices
            guard let row = state.overview.table.selected, visible.indices.contains(row), state.focusedNode == nil, visible.count > 1 else { return [] }
            return focus(node: visible[row], &state)
        case .back where state.pane == .overview && state.focusedNode != nil:
            return focus(node: nil, &state)
        case .back:
            if state.status != nil { state.status = nil }
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            moveSelection(action, &state)
        default:
            state.status = StatusMessage("\(state.pane.title): not available yet", kind: .warning, now: state.now)
        }
        return []
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
        switch pane {
        case .keys: effects += KeysUpdate.entered(&state)
        case .server: effects += ServerUpdate.entered(&state)
        case .leaderboard: effects += LeaderboardUpdate.entered(&state)
        case .pubsub: effects += PubSubUpdate.entered(&state)
        case .overview: break
        }
        return effects
    }

    static func moveSelection(_ action: AppAction, _ state: inout AppState) {
        if state.pane == .overview {
            state.overview.table.navigate(action, count: state.visibleNodeIndices.count, page: max(1, state.height / 4))
        }
    }

    // MARK: command line

    static func runCommand(_ text: String, _ state: inout AppState) -> [AppEffect] {
        let command: AppCommand
        do { command = try AppCommand.parse(text) } catch {
            state.status = StatusMessage(error.description, kind: .error, now: state.now)
            return []
        }
        switch command {
        case .quit: return [.quit]
        case .help: state.overlay = .help(scroll: 0)
        case .dump: return [.dumpScreen]
        case .context(let name):
            guard state.contextNames.contains(name) else {
                let known = state.contextNames.isEmpty ? "the config file names none" : "known: " + state.contextNames.joined(separator: ", ")
                state.status = StatusMessage("no connection named \"\(name)\" (\(known))", kind: .error, now: state.now)
                return []
            }
            return [.switchContext(name)]
        case .doctor: return show(.keys, &state) + DoctorUpdate.open(&state)
        case .theme(let name): return [.loadTheme(name)]
        case .zset(let key): return LeaderboardUpdate.watch(Array(key.utf8), node: state.currentNode, &state)
        case .subscribe(let names): return PubSubUpdate.subscribe(names, kind: .channel, &state)
        case .psubscribe(let names): return PubSubUpdate.subscribe(names, kind: .pattern, &state)
        case .ssubscribe(let names): return PubSubUpdate.subscribe(names, kind: .shardChannel, &state)
        case .unsubscribe(let names): return PubSubUpdate.unsubscribe(names, &state)
        case .publish(let channel, let message): return PubSubUpdate.publish(channel: channel, message: message, &state)
        case .node(let number):
            if let number {
                guard state.nodes.indices.contains(number - 1) else {
                    state.status = StatusMessage("node \(number): there are \(state.nodes.count) nodes", kind: .error, now: state.now)
                    return []
                }
                return focus(node: number - 1, &state)
            }
            return focus(node: nil, &state)
        }
        return []
    }

    /// Narrows every pane to node `node` (`:node N`, or Enter on an overview row), or back to
    /// all nodes with nil (`:node all`, or Esc on the overview).
    static func focus(node: Int?, _ state: inout AppState) -> [AppEffect] {
        if let node {
            state.focusedNode = node
            state.overview.table.select(0, count: 1)
            state.status = StatusMessage("showing node \(node + 1): \(state.nodes[node].address) (Esc on the overview, or :node all, shows all)", now: state.now)
            if state.pane == .keys { return KeysUpdate.entered(&state) }
            if state.pane == .server { return ServerUpdate.entered(&state) }
        } else {
            state.focusedNode = nil
            state.status = StatusMessage("showing all \(state.nodes.count) nodes", now: state.now)
            // In cluster mode the keys pane goes back to the whole cluster.
            if state.pane == .keys, state.keysSpanCluster { return KeysUpdate.entered(&state) }
        }
        return []
    }
}
