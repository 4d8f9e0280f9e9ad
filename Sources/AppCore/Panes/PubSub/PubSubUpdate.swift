import Inspector
import TerminalUI

/// The Pub/Sub pane's side of `update`: commands, keys, batches from the subscribers, key events.
enum PubSubUpdate {
    // MARK: commands

    /// `:sub`, `:psub`, `:ssub`.
    static func subscribe(_ names: [String], kind: ChannelKind, _ state: inout AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        var byNode: [Int: [[UInt8]]] = [:]
        var order: [Int] = []
        for name in names {
            let bytes = Array(name.utf8)
            let node = PubSubRouting.node(for: kind, name: bytes, in: state)
            if byNode[node] == nil { order.append(node) }
            byNode[node, default: []].append(bytes)
        }
        for node in order {
            guard let list = byNode[node] else { continue }
            var target = state.pubsub.target(node) ?? PubSubTarget(node: node, label: label(node, state))
            var wanted = target.wanted[kind] ?? []
            let new = list.filter { !wanted.contains($0) }
            guard !new.isEmpty else { continue }
            wanted += new
            target.wanted[kind] = wanted
            store(target, &state)
            effects.append(.subscribe(node: node, kind: kind, names: new))
        }
        effects += AppUpdate.show(.pubsub, &state)
        let what = kind == .pattern ? "pattern" : (kind == .shardChannel ? "shard channel" : "channel")
        state.status = StatusMessage(effects.isEmpty ? "already subscribed" : "subscribing to \(what)\(names.count == 1 ? "" : "s") \(names.map(Sanitizer.display).joined(separator: ", "))", now: state.now)
        return effects
    }

    /// `:unsub [NAME…]`: the names of any kind, or everything.
    static func unsubscribe(_ names: [String], _ state: inout AppState) -> [AppEffect] {
        let wanted = names.map { Array($0.utf8) }
        var effects: [AppEffect] = []
        for index in state.pubsub.targets.indices {
            var target = state.pubsub.targets[index]
            for kind in ChannelKind.allCases {
                let list = target.wanted[kind] ?? []
                let gone = wanted.isEmpty ? list : list.filter { wanted.contains($0) }
                guard !gone.isEmpty else { continue }
                target.wanted[kind] = list.filter { !gone.contains($0) }
                for name in gone { target.confirmed.remove(name) }
                effects.append(.unsubscribe(node: target.node, kind: kind, names: wanted.isEmpty ? [] : gone))
                if kind == .pattern, gone.contains(Array(KeyspaceEventsSetting.pattern.utf8)) { state.pubsub.keyEvents = .off }
            }
            state.pubsub.targets[index] = target
        }
        state.status = StatusMessage(effects.isEmpty ? "not subscribed to \(names.isEmpty ? "anything" : names.map(Sanitizer.display).joined(separator: ", "))" : "unsubscribed", kind: effects.isEmpty ? .warning : .info, now: state.now)
        return effects
    }

    /// `:pub CHANNEL MESSAGE`: through the mutation path (refused and audited in read-only mode).
    static func publish(channel: String, message: String, _ state: inout AppState) -> [AppEffect] {
        guard !state.readOnly else {
            state.status = StatusMessage("read-only mode: :pub is disabled", kind: .error, now: state.now)
            return []
        }
        return [.publish(node: state.currentNode, channel: Array(channel.utf8), message: Array(message.utf8))]
    }

    static func published(channel: [UInt8], result: Result<Int64, LoadError>, _ state: inout AppState) {
        switch result {
        case .success(let receivers):
            state.status = StatusMessage("published to \(Sanitizer.display(channel)): \(receivers) subscriber\(receivers == 1 ? "" : "s") received it", kind: .success, now: state.now)
        case .failure(let error):
            state.status = StatusMessage("publish failed: \(error)", kind: .error, now: state.now, lifetime: 10)
        }
    }

    // MARK: batches

    /// What a subscriber received in the last ~100 ms.
    static func received(node: Int, batch: ReceivedMessages, now: Double, _ state: inout AppState) {
        state.now = max(state.now, now)
        guard let index = state.pubsub.targets.firstIndex(where: { $0.node == node }) else {
            state.pubsub.log.ingest(batch, now: state.now)
            return
        }
        var target = state.pubsub.targets[index]
        for event in batch.events {
            switch event {
            case .status(let new):
                target.state = new
                if case .reconnecting = new { target.confirmed = [] }
            case .gap(let gap):
                target.lastGap = gap
                state.pubsub.log.recordGap(gap, source: target.label)
            case .subscribed(_, let name, _):
                target.confirmed.insert(name)
            case .unsubscribed(_, let name?, _):
                target.confirmed.remove(name)
            case .unsubscribed(_, nil, _):
                break
            case .serverError(let message):
                state.status = StatusMessage("\(target.label): \(message)", kind: .error, now: state.now, lifetime: 10)
            }
        }
        state.pubsub.targets[index] = target
        state.pubsub.log.ingest(batch, now: state.now)
    }

    // MARK: keys

    static func perform(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case .pause:
            if let frozen = state.pubsub.frozen {
                let since = state.pubsub.log.totalCounted - frozen.countedAtPause
                state.pubsub.frozen = nil
                state.status = StatusMessage("resumed (\(since) messages arrived while paused)", now: state.now)
            } else {
                let log = state.pubsub.log
                state.pubsub.frozen = FrozenLog(entries: Array(log.entries), firstNumber: log.firstNumber, countedAtPause: log.totalCounted)
                state.status = StatusMessage("paused: the view is frozen, counting goes on (Space resumes)", now: state.now)
            }
        case .filter:
            state.pubsub.filterInput = InputLineState(text: state.pubsub.filter.text)
        case .keyEvents:
            return toggleKeyEvents(&state)
        case .back:
            if !state.pubsub.filter.isEmpty {
                state.pubsub.filter = MessageFilter("")
                state.status = StatusMessage("filter cleared", now: state.now)
            } else if state.pubsub.selected != nil {
                state.pubsub.selected = nil
            } else if state.status != nil {
                state.status = nil
            }
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            move(action, &state)
        default:
            state.status = StatusMessage("Pub/Sub: not available here", kind: .warning, now: state.now)
        }
        return []
    }

    /// Keys while the filter is typed.
    static func filterKey(_ key: Key, _ state: inout AppState) {
        guard var input = state.pubsub.filterInput else { return }
        switch input.handle(key) {
        case .submitted(let text):
            state.pubsub.filterInput = nil
            state.pubsub.filter = MessageFilter(text)
            state.pubsub.selected = nil
        case .cancelled:
            state.pubsub.filterInput = nil
        default:
            state.pubsub.filterInput = input
        }
    }

    /// Rows of the log that fit (the view's layout): a page for PgUp/PgDn.
    static func pageSize(_ state: AppState) -> Int { max(1, PubSubView.logRows(height: state.height)) }

    /// Moves the selection through the shown entries (newest first). Top goes back to following the newest.
    static func move(_ action: AppAction, _ state: inout AppState) {
        let visible = state.pubsub.visibleEntries()
        guard !visible.isEmpty else { return }
        let current = state.pubsub.selected.flatMap { number in visible.firstIndex { $0.number == number } }
        let page = pageSize(state)
        let target: Int?
        switch action {
        case .moveDown: target = current.map { $0 + 1 } ?? 0
        case .moveUp: target = current.map { $0 - 1 }
        case .pageDown: target = (current ?? 0) + page
        case .pageUp: target = current.map { $0 - page }
        case .top: target = nil
        case .bottom: target = visible.count - 1
        default: return
        }
        guard let target, target >= 0 else {
            state.pubsub.selected = nil
            return
        }
        state.pubsub.selected = visible[min(target, visible.count - 1)].number
    }

    // MARK: key events

    /// On entering the pane with nothing subscribed: list what the node's other clients listen to.
    static func entered(_ state: inout AppState) -> [AppEffect] {
        guard !state.pubsub.hasSubscriptions else { return [] }
        return [.listChannels(node: state.currentNode)]
    }

    static func channelsListed(node: Int, result: Result<ActiveChannels, LoadError>, _ state: inout AppState) {
        guard node == state.currentNode else { return }
        switch result {
        case .success(let channels): state.pubsub.activeChannels = channels
        case .failure(let error):
            state.pubsub.activeChannels = nil
            state.status = StatusMessage("active channels: \(error.description)", kind: .warning, now: state.now)
        }
    }

    static func toggleKeyEvents(_ state: inout AppState) -> [AppEffect] {
        let node = state.currentNode
        let pattern = Array(KeyspaceEventsSetting.pattern.utf8)
        switch state.pubsub.keyEvents {
        case .on:
            state.pubsub.keyEvents = .off
            var effects: [AppEffect] = []
            for index in state.pubsub.targets.indices where state.pubsub.targets[index].wanted[.pattern]?.contains(pattern) == true {
                state.pubsub.targets[index].wanted[.pattern]?.removeAll { $0 == pattern }
                state.pubsub.targets[index].confirmed.remove(pattern)
                effects.append(.unsubscribe(node: state.pubsub.targets[index].node, kind: .pattern, names: [pattern]))
            }
            state.status = StatusMessage("key events off", now: state.now)
            return effects
        case .checking:
            return []
        case .notConfigured(let setting):
            return offerToEnable(node: node, setting, &state)
        case .off, .unavailable:
            state.pubsub.keyEvents = .checking
            state.status = StatusMessage("reading notify-keyspace-events…", now: state.now)
            return [.checkKeyspaceEvents(node: node)]
        }
    }

    static func keyspaceChecked(node: Int, result: Result<KeyspaceEventsSetting, LoadError>, _ state: inout AppState) -> [AppEffect] {
        switch result {
        case .failure(let error):
            state.pubsub.keyEvents = .unavailable("\(error)")
            state.status = StatusMessage("cannot read notify-keyspace-events: \(error)", kind: .error, now: state.now, lifetime: 10)
            return []
        case .success(let setting) where setting.coversKeyEvents:
            return startKeyEvents(node: node, &state)
        case .success(let setting):
            state.pubsub.keyEvents = .notConfigured(setting)
            return offerToEnable(node: node, setting, &state)
        }
    }

    static func offerToEnable(node: Int, _ setting: KeyspaceEventsSetting, _ state: inout AppState) -> [AppEffect] {
        let why = setting.isOff ? "keyspace notifications are off on this server (notify-keyspace-events is \"\")"
            : "notify-keyspace-events is \"\(setting.flags)\": it lacks \(String(setting.missing))"
        if state.readOnly {
            state.status = StatusMessage("\(why); read-only mode: cachescope will not change it", kind: .warning, now: state.now, lifetime: 15)
            return []
        }
        state.overlay = .pubsub(.enableKeyEvents(node: node, setting: setting))
        return []
    }

    static func dialogKey(_ key: Key, _ dialog: PubSubDialog, _ state: inout AppState) -> [AppEffect] {
        switch dialog {
        case .enableKeyEvents(let node, let setting):
            switch key {
            case .character("y"), .character("Y"):
                state.overlay = nil
                state.status = StatusMessage("setting notify-keyspace-events to \"\(setting.enabled)\"…", now: state.now)
                return [.setKeyspaceEvents(node: node, flags: setting.enabled, previous: setting.flags)]
            case .character("n"), .character("N"), .escape, .character("q"):
                state.overlay = nil
                state.status = StatusMessage("notify-keyspace-events left as it is: no key events", kind: .warning, now: state.now)
            case .control("c"):
                return [.quit]
            default:
                break
            }
        }
        return []
    }

    static func keyspaceSet(node: Int, flags: String, previous: String, error: LoadError?, _ state: inout AppState) -> [AppEffect] {
        if let error {
            state.pubsub.keyEvents = .unavailable("\(error)")
            state.status = StatusMessage("could not set notify-keyspace-events: \(error)", kind: .error, now: state.now, lifetime: 15)
            return []
        }
        // Keep the first value seen: that is what the server had before cachescope touched it.
        if state.pubsub.keyspaceRestore == nil {
            state.pubsub.keyspaceRestore = KeyspaceRestore(node: node, previous: previous, current: flags)
        }
        return startKeyEvents(node: node, &state)
    }

    static func startKeyEvents(node: Int, _ state: inout AppState) -> [AppEffect] {
        state.pubsub.keyEvents = .on
        let restore = state.pubsub.keyspaceRestore.map { " (notify-keyspace-events goes back to \"\($0.previous)\" on quit)" } ?? ""
        let effects = subscribe([KeyspaceEventsSetting.pattern], kind: .pattern, &state)
        state.status = StatusMessage("key events on: \(KeyspaceEventsSetting.pattern)\(restore)", kind: .success, now: state.now, lifetime: 8)
        return effects
    }

    // MARK: helpers

    static func label(_ node: Int, _ state: AppState) -> String {
        state.nodes.indices.contains(node) ? state.nodes[node].address : "node \(node + 1)"
    }

    static func store(_ target: PubSubTarget, _ state: inout AppState) {
        if let index = state.pubsub.targets.firstIndex(where: { $0.node == target.node }) {
            state.pubsub.targets[index] = target
        } else {
            state.pubsub.targets.append(target)
        }
    }
}
