import Inspector
import TerminalUI

/// The Pub/Sub pane's side of `update`: commands, keys, batches from the subscribers, key events.
enum PubSubUpdate {
    // MARK: commands

    /// `:sub`, `:psub`, `:ssub`.
    static func subscribe(_ names: [String], kind: ChannelKind, _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        var effects: [AppEffect] = []
        var byNode: [Int: [[UInt8]]] = [:]
        var order: [Int] = []
        for name in names {
            let bytes = Array(name.utf8)
            let node = PubSubRouting.node(for: kind, name: bytes, in: context)
            if byNode[node] == nil { order.append(node) }
            byNode[node, default: []].append(bytes)
        }
        for node in order {
            guard let list = byNode[node] else { continue }
            var target = pubsub.target(node) ?? PubSubTarget(node: node, label: label(node, pubsub, context))
            var wanted = target.wanted[kind] ?? []
            let new = list.filter { !wanted.contains($0) }
            guard !new.isEmpty else { continue }
            wanted += new
            target.wanted[kind] = wanted
            store(target, &pubsub, &context)
            effects.append(.subscribe(node: node, kind: kind, names: new))
        }
        context.request(.show(.pubsub))
        let what = kind == .pattern ? "pattern" : (kind == .shardChannel ? "shard channel" : "channel")
        context.status = StatusMessage(effects.isEmpty ? "already subscribed" : "subscribing to \(what)\(names.count == 1 ? "" : "s") \(names.joined(separator: ", "))", now: context.now)
        return effects
    }

    /// `:unsub [NAME…]`: the names of any kind, or everything.
    static func unsubscribe(_ names: [String], _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        let wanted = names.map { Array($0.utf8) }
        var effects: [AppEffect] = []
        for index in pubsub.targets.indices {
            var target = pubsub.targets[index]
            for kind in ChannelKind.allCases {
                let list = target.wanted[kind] ?? []
                let gone = wanted.isEmpty ? list : list.filter { wanted.contains($0) }
                guard !gone.isEmpty else { continue }
                target.wanted[kind] = list.filter { !gone.contains($0) }
                for name in gone { target.confirmed.remove(name) }
                effects.append(.unsubscribe(node: target.node, kind: kind, names: wanted.isEmpty ? [] : gone))
                if kind == .pattern, gone.contains(Array(KeyspaceEventsSetting.pattern.utf8)) { pubsub.keyEvents = .off }
            }
            pubsub.targets[index] = target
        }
        context.status = StatusMessage(
            effects.isEmpty ? "not subscribed to \(names.isEmpty ? "anything" : names.joined(separator: ", "))" : "unsubscribed", kind: effects.isEmpty ? .warning : .info, now: context.now)
        return effects
    }

    /// `:pub CHANNEL MESSAGE`: through the mutation path (refused and audited in read-only mode).
    static func publish(channel: String, message: String, _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        guard !context.readOnly else {
            context.status = StatusMessage("read-only mode: :pub is disabled", kind: .error, now: context.now)
            return []
        }
        return [.publish(node: context.currentNode, channel: Array(channel.utf8), message: Array(message.utf8))]
    }

    static func published(channel: [UInt8], result: Result<Int64, LoadError>, _ pubsub: inout PubSubState, _ context: inout PaneContext) {
        switch result {
        case .success(let receivers):
            context.status = StatusMessage("published to \(ServerBytes(channel)): \(receivers) subscriber\(receivers == 1 ? "" : "s") received it", kind: .success, now: context.now)
        case .failure(let error):
            context.status = StatusMessage("publish failed: \(error)", kind: .error, now: context.now, lifetime: 10)
        }
    }

    // MARK: batches

    /// What a subscriber received in the last ~100 ms.
    static func received(node: Int, batch: ReceivedMessages, now: Double, _ pubsub: inout PubSubState, _ context: inout PaneContext) {
        context.now = max(context.now, now)
        guard let index = pubsub.targets.firstIndex(where: { $0.node == node }) else {
            pubsub.log.ingest(batch, now: context.now)
            return
        }
        var target = pubsub.targets[index]
        for event in batch.events {
            switch event {
            case .status(let new):
                target.state = new
                if case .reconnecting = new { target.confirmed = [] }
            case .gap(let gap):
                target.lastGap = gap
                pubsub.log.recordGap(gap, source: target.label)
            case .subscribed(_, let name, _):
                target.confirmed.insert(name)
            case .unsubscribed(_, let name?, _):
                target.confirmed.remove(name)
            case .unsubscribed(_, nil, _):
                break
            case .serverError(let message):
                context.status = StatusMessage("\(target.label): \(message)", kind: .error, now: context.now, lifetime: 10)
            }
        }
        pubsub.targets[index] = target
        pubsub.log.ingest(batch, now: context.now)
    }

    // MARK: keys

    static func perform(_ action: AppAction, _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        switch action {
        case .pause:
            if let frozen = pubsub.frozen {
                let since = pubsub.log.totalCounted - frozen.countedAtPause
                pubsub.frozen = nil
                context.status = StatusMessage("resumed (\(since) messages arrived while paused)", now: context.now)
            } else {
                let log = pubsub.log
                pubsub.frozen = FrozenLog(entries: Array(log.entries), firstNumber: log.firstNumber, countedAtPause: log.totalCounted)
                context.status = StatusMessage("paused: the view is frozen, counting goes on (Space resumes)", now: context.now)
            }
        case .filter:
            pubsub.filterInput = InputLineState(text: pubsub.filter.text)
        case .keyEvents:
            return toggleKeyEvents(&pubsub, &context)
        case .back:
            if !pubsub.filter.isEmpty {
                pubsub.filter = MessageFilter("")
                context.status = StatusMessage("filter cleared", now: context.now)
            } else if pubsub.selected != nil {
                pubsub.selected = nil
            } else if context.status != nil {
                context.status = nil
            }
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            move(action, &pubsub, &context)
        default:
            context.status = StatusMessage("Pub/Sub: not available here", kind: .warning, now: context.now)
        }
        return []
    }

    /// Keys while the filter is typed.
    static func filterKey(_ key: Key, _ pubsub: inout PubSubState, _ context: inout PaneContext) {
        guard var input = pubsub.filterInput else { return }
        switch input.handle(key) {
        case .submitted(let text):
            pubsub.filterInput = nil
            pubsub.filter = MessageFilter(text)
            pubsub.selected = nil
        case .cancelled:
            pubsub.filterInput = nil
        default:
            pubsub.filterInput = input
        }
    }

    /// Rows of the log that fit (the view's layout): a page for PgUp/PgDn.
    static func pageSize(_ pubsub: PubSubState, _ context: PaneContext) -> Int { max(1, PubSubView.logRows(height: context.height)) }

    /// Moves the selection through the shown entries (newest first). Top goes back to following the newest.
    static func move(_ action: AppAction, _ pubsub: inout PubSubState, _ context: inout PaneContext) {
        let visible = pubsub.visibleEntries()
        guard !visible.isEmpty else { return }
        let current = pubsub.selected.flatMap { number in visible.firstIndex { $0.number == number } }
        let page = pageSize(pubsub, context)
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
            pubsub.selected = nil
            return
        }
        pubsub.selected = visible[min(target, visible.count - 1)].number
    }

    // MARK: key events

    /// On entering the pane with nothing subscribed: list what the node's other clients listen to.
    static func entered(_ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        guard !pubsub.hasSubscriptions else { return [] }
        return [.listChannels(node: context.currentNode)]
    }

    static func channelsListed(node: Int, result: Result<ActiveChannels, LoadError>, _ pubsub: inout PubSubState, _ context: inout PaneContext) {
        guard node == context.currentNode else { return }
        switch result {
        case .success(let channels): pubsub.activeChannels = channels
        case .failure(let error):
            pubsub.activeChannels = nil
            context.status = StatusMessage("active channels: \(error.description)", kind: .warning, now: context.now)
        }
    }

    static func toggleKeyEvents(_ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        let node = context.currentNode
        let pattern = Array(KeyspaceEventsSetting.pattern.utf8)
        switch pubsub.keyEvents {
        case .on:
            pubsub.keyEvents = .off
            var effects: [AppEffect] = []
            for index in pubsub.targets.indices where pubsub.targets[index].wanted[.pattern]?.contains(pattern) == true {
                pubsub.targets[index].wanted[.pattern]?.removeAll { $0 == pattern }
                pubsub.targets[index].confirmed.remove(pattern)
                effects.append(.unsubscribe(node: pubsub.targets[index].node, kind: .pattern, names: [pattern]))
            }
            context.status = StatusMessage("key events off", now: context.now)
            return effects
        case .checking:
            return []
        case .notConfigured(let setting):
            return offerToEnable(node: node, setting, &pubsub, &context)
        case .off, .unavailable:
            pubsub.keyEvents = .checking
            context.status = StatusMessage("reading notify-keyspace-events…", now: context.now)
            return [.checkKeyspaceEvents(node: node)]
        }
    }

    static func keyspaceChecked(node: Int, result: Result<KeyspaceEventsSetting, LoadError>, _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        switch result {
        case .failure(let error):
            pubsub.keyEvents = .unavailable("\(error)")
            context.status = StatusMessage("cannot read notify-keyspace-events: \(error)", kind: .error, now: context.now, lifetime: 10)
            return []
        case .success(let setting) where setting.coversKeyEvents:
            return startKeyEvents(node: node, &pubsub, &context)
        case .success(let setting):
            pubsub.keyEvents = .notConfigured(setting)
            return offerToEnable(node: node, setting, &pubsub, &context)
        }
    }

    static func offerToEnable(node: Int, _ setting: KeyspaceEventsSetting, _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        let why =
            setting.isOff
            ? "keyspace notifications are off on this server (notify-keyspace-events is \"\")"
            : "notify-keyspace-events is \"\(setting.flags)\": it lacks \(String(setting.missing))"
        if context.readOnly {
            context.status = StatusMessage("\(why); read-only mode: cachescope will not change it", kind: .warning, now: context.now, lifetime: 15)
            return []
        }
        context.overlay = .pubsub(.enableKeyEvents(node: node, setting: setting))
        return []
    }

    static func dialogKey(_ key: Key, _ dialog: PubSubDialog, _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        switch dialog {
        case .enableKeyEvents(let node, let setting):
            switch key {
            case .character("y"), .character("Y"):
                context.overlay = nil
                context.status = StatusMessage("setting notify-keyspace-events to \"\(setting.enabled)\"…", now: context.now)
                return [.setKeyspaceEvents(node: node, flags: setting.enabled, previous: setting.flags)]
            case .character("n"), .character("N"), .escape, .character("q"):
                context.overlay = nil
                context.status = StatusMessage("notify-keyspace-events left as it is: no key events", kind: .warning, now: context.now)
            case .control("c"):
                return [.quit]
            default:
                break
            }
        }
        return []
    }

    static func keyspaceSet(node: Int, flags: String, previous: String, error: LoadError?, _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        if let error {
            pubsub.keyEvents = .unavailable("\(error)")
            context.status = StatusMessage("could not set notify-keyspace-events: \(error)", kind: .error, now: context.now, lifetime: 15)
            return []
        }
        // Keep the first value seen: that is what the server had before cachescope touched it.
        if pubsub.keyspaceRestore == nil {
            pubsub.keyspaceRestore = KeyspaceRestore(node: node, previous: previous, current: flags)
        }
        return startKeyEvents(node: node, &pubsub, &context)
    }

    static func startKeyEvents(node: Int, _ pubsub: inout PubSubState, _ context: inout PaneContext) -> [AppEffect] {
        pubsub.keyEvents = .on
        let restore = pubsub.keyspaceRestore.map { " (notify-keyspace-events goes back to \"\($0.previous)\" on quit)" } ?? ""
        let effects = subscribe([KeyspaceEventsSetting.pattern], kind: .pattern, &pubsub, &context)
        context.status = StatusMessage("key events on: \(KeyspaceEventsSetting.pattern)\(restore)", kind: .success, now: context.now, lifetime: 8)
        return effects
    }

    // MARK: helpers

    static func label(_ node: Int, _ pubsub: PubSubState, _ context: PaneContext) -> String {
        context.address(node)
    }

    static func store(_ target: PubSubTarget, _ pubsub: inout PubSubState, _ context: inout PaneContext) {
        if let index = pubsub.targets.firstIndex(where: { $0.node == target.node }) {
            pubsub.targets[index] = target
        } else {
            pubsub.targets.append(target)
        }
    }
}
