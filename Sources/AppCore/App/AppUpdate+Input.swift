// Terminal events: resize, paste, and each key sent where the input focus says.
import Inspector
import TerminalUI

extension AppUpdate {
    static func handle(_ event: TerminalEvent, _ state: inout AppState) -> [AppEffect] {
        switch event {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return inPane(\.leaderboard, &state) { LeaderboardUpdate.resized(&$0, &$1) }
        case .paste(let text):
            paste(text, &state)
            return []
        case .key(let key):
            return handle(key, &state)
        }
    }

    /// Pasted text goes into the line being typed, where there is one. The typed confirmation of a
    /// bulk change takes typed keys only.
    static func paste(_ text: String, _ state: inout AppState) {
        switch state.inputFocus {
        case .overlay(.command(var line)):
            line.insert(text)
            state.overlay = .command(line)
        case .overlay(.mutation(.ttlPrompt(let target, var input, _))):
            input.insert(text)
            state.overlay = .mutation(.ttlPrompt(target: target, input: input, error: nil))
        case .keysFilter: state.keys.filterInput?.insert(text)
        case .pubsubFilter: state.pubsub.filterInput?.insert(text)
        case .leaderboardFind: state.leaderboard.findInput?.insert(text)
        case .serverFilter: state.server.clientFilterInput?.insert(text)
        default: break
        }
    }

    /// A key goes to whatever has the input focus.
    static func handle(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        switch state.inputFocus {
        case .overlay(let overlay):
            return handleOverlayKey(key, overlay, &state)
        case .keysFilter:
            return inPane(\.keys, &state) {
                KeysUpdate.filterKey(key, &$0, &$1)
                return []
            }
        case .pubsubFilter:
            return inPane(\.pubsub, &state) {
                PubSubUpdate.filterKey(key, &$0, &$1)
                return []
            }
        case .leaderboardFind:
            return inPane(\.leaderboard, &state) { LeaderboardUpdate.findKey(key, &$0, &$1) }
        case .serverFilter:
            return inPane(\.server, &state) {
                ServerUpdate.filterKey(key, &$0, &$1)
                return []
            }
        case .doctor:
            var handled = false
            let effects = inPane(\.keys, &state) { keys, context in
                guard let effects = DoctorUpdate.handleKey(key, &keys, &context) else { return [] }
                handled = true
                return effects
            }
            if handled { return effects }
            // The keys pane's own bindings would act on a tree not shown: global ones only.
            guard let action = action(for: key, state), action.isGlobal else { return [] }
            return perform(action, &state)
        case .bindings:
            guard let action = action(for: key, state) else { return ReplayUpdate.unbound(key, &state) }
            return perform(action, &state)
        }
    }

    /// The action bound to `key` where the user is now.
    static func action(for key: Key, _ state: AppState) -> AppAction? {
        state.keymap.lookup(key, scope: state.scope)
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
            return inPane(\.keys, &state) { MutationUpdate.handleKey(key, dialog, &$0, &$1) }
        case .pubsub(let dialog):
            return inPane(\.pubsub, &state) { PubSubUpdate.dialogKey(key, dialog, &$0, &$1) }
        case .clientKill(let dialog):
            return inPane(\.server, &state) { ClientKillUpdate.dialogKey(key, dialog, &$0, &$1) }
        case .replayRecords:
            return ReplayUpdate.recordsKey(key, &state)
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
        case _ where action.isReplay: return ReplayUpdate.perform(action, &state)
        case _ where state.replay != nil && state.pane != .overview && !action.isGlobal:
            state.status = StatusMessage("replay: the \(state.pane.title) pane has no recorded data", kind: .warning, now: state.now)
        case .doctor where state.pane == .keys:
            return inPane(\.keys, &state) { DoctorUpdate.open(&$0, &$1) }
        case .watchSortedSet where state.pane == .keys:
            return inPane(\.keys, &state) { KeysUpdate.watchSelected(&$0, &$1) }
        case _ where state.pane == .keys:
            return inPane(\.keys, &state) { KeysUpdate.perform(action, &$0, &$1) }
        case _ where state.pane == .leaderboard:
            return inPane(\.leaderboard, &state) { LeaderboardUpdate.perform(action, &$0, &$1) }
        case _ where state.pane == .server:
            return inPane(\.server, &state) { ServerUpdate.perform(action, &$0, &$1) }
        case _ where state.pane == .pubsub:
            return inPane(\.pubsub, &state) { PubSubUpdate.perform(action, &$0, &$1) }
        case .open:
            // The node picker: Enter on a row narrows every pane to that node.
            let visible = state.visibleNodeIndices
            guard let row = state.overview.table.selected, visible.indices.contains(row), state.focusedNode == nil, visible.count > 1 else { return [] }
            return focus(node: visible[row], &state)
        case .columnsRight:
            // Only while the node table hides columns at this width.
            guard NodeTableView.fit(state.overview, state.fleet, state.paneContext).hiddenRight > 0 else {
                state.status = StatusMessage("every column is shown", now: state.now, lifetime: 3)
                return []
            }
            state.overview.columnScroll += 1
        case .columnsLeft:
            state.overview.columnScroll = max(0, state.overview.columnScroll - 1)
        case .back where state.focusedNode != nil:
            return focus(node: nil, &state)
        case .back:
            if state.status != nil { state.status = nil }
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            state.overview.table.navigate(action, count: state.visibleNodeIndices.count, page: max(1, state.height / 4))
        default:
            state.status = StatusMessage("\(state.pane.title): not available yet", kind: .warning, now: state.now)
        }
        return []
    }
}

extension AppAction {
    /// Actions that act the same in every pane and mode: quit, help, the command line, panes.
    var isGlobal: Bool {
        if isReplay { return true }
        switch self {
        case .quit, .help, .command, .nextPane, .previousPane, .paneOverview, .paneKeys, .paneLeaderboard, .panePubSub, .paneServer: return true
        default: return false
        }
    }
}
