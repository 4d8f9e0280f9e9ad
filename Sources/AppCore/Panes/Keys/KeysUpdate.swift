import Inspector
import TerminalUI

/// How the keys pane reacts to actions and to what the scanner and the inspector send back.
enum KeysUpdate {
    /// Called whenever the keys pane comes into view: the first visit (or a different node)
    /// starts the scan. Nothing is scanned until someone looks.
    static func entered(_ state: inout AppState) -> [AppEffect] {
        guard state.keys.node != state.currentNode || state.keys.spansCluster != state.keysSpanCluster else { return [] }
        state.keys = KeysState()
        state.keys.node = state.currentNode
        state.keys.spansCluster = state.keysSpanCluster
        state.keys.progress.phase = .scanning
        return [.startScan(node: state.currentNode, filter: .all)]
    }

    /// Node `node` answers again after being down: rescan if its scan had failed.
    static func nodeRecovered(_ node: Int, _ state: inout AppState) -> [AppEffect] {
        guard state.keys.node == node, case .failed = state.keys.progress.phase else { return [] }
        state.keys.progress = ScanProgress()
        state.keys.progress.phase = .scanning
        return [.startScan(node: node, filter: state.keys.keyFilter)]
    }

    static func perform(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        if state.keys.opened != nil, let effects = performInDetail(action, &state) { return effects }
        let count = state.keys.listing.count
        let page = max(1, state.height - 8)
        if state.keys.table.navigate(action, count: count, page: page) { return [] }
        switch action {
        case .open: return open(&state)
        case .expire, .persist, .delete, .undo, .deletePattern, .expirePattern:
            return MutationUpdate.perform(action, &state)
        case .collapse: collapse(&state)
        case .toggleView:
            state.keys.mode = state.keys.mode == .tree ? .flat : .tree
            rebuild(&state, keepSelection: false)
        case .sort:
            let all = NamespaceSort.allCases
            state.keys.sort = all[(all.firstIndex(of: state.keys.sort)! + 1) % all.count]
            rebuild(&state, keepSelection: false)
            state.status = StatusMessage("sorted by \(sortName(state.keys.sort))", now: state.now, lifetime: 3)
        case .cycleType:
            let types: [RedisKeyType?] = [nil, .string, .hash, .list, .set, .zset, .stream]
            let i = types.firstIndex(of: state.keys.typeFilter) ?? 0
            state.keys.typeFilter = types[(i + 1) % types.count]
            applyFilter(&state)
        case .filter:
            state.keys.filterInput = InputLineState(text: state.keys.filterText)
        case .rescan:
            guard let node = state.keys.node else { return entered(&state) }
            state.keys.progress = ScanProgress()
            state.keys.progress.phase = .scanning
            let filter = state.keys.keyFilter
            state.status = StatusMessage(filter.isEmpty ? "rescanning" : "rescanning keys matching \(KeysState.glob(for: state.keys.filterText)) (SCAN MATCH)", now: state.now, lifetime: 3)
            return [.startScan(node: node, filter: filter)]
        case .back:
            if !state.keys.filterText.isEmpty || state.keys.typeFilter != nil {
                state.keys.filterText = ""
                state.keys.typeFilter = nil
                applyFilter(&state)
            } else {
                state.status = nil
            }
        default:
            state.status = StatusMessage("not available yet", kind: .warning, now: state.now, lifetime: 3)
        }
        return []
    }

    /// Keys handled by the open value view; nil hands the action to the list.
    private static func performInDetail(_ action: AppAction, _ state: inout AppState) -> [AppEffect]? {
        guard var opened = state.keys.opened, let node = state.keys.node else { return nil }
        let page = max(1, state.height - 10)
        var effects: [AppEffect] = []
        switch action {
        case .moveUp: opened.scroll = max(0, opened.scroll - 1)
        case .moveDown: opened.scroll += 1
        case .pageUp: opened.scroll = max(0, opened.scroll - page)
        case .pageDown: opened.scroll += page
        case .top: opened.scroll = 0
        case .bottom: opened.scroll = Int.max / 2
        case .back, .collapse:
            state.keys.opened = nil
            return []
        case .nextPage:
            if let cursor = opened.nextCursor, !opened.loading {
                opened.loading = true
                effects.append(.loadValuePage(node: node, key: opened.key, type: opened.type, cursor: cursor))
            }
        case .toggleHex: opened.hex.toggle()
        case .expire, .persist, .delete, .undo:
            return MutationUpdate.perform(action, &state)
        default: return nil
        }
        state.keys.opened = opened
        return effects
    }

    static func open(_ state: inout AppState) -> [AppEffect] {
        guard let row = selectedRow(state), let view = state.keys.view, let node = state.keys.node else { return [] }
        switch row {
        case .folder(let prefix):
            if state.keys.expanded.contains(prefix) { state.keys.expanded.remove(prefix) } else { state.keys.expanded.insert(prefix) }
            rebuild(&state, keepSelection: true)
            return []
        case .key(let id):
            let key = view.index.key(id)
            let type = view.index.type(id)
            state.keys.opened = OpenedKey(key: key, type: type)
            return [.openKey(node: node, key: key, type: type)]
        case .more:
            state.status = StatusMessage("narrow the list with / to see these keys", now: state.now)
            return []
        }
    }

    /// `←`: close the folder the selection is in (or the selected open folder).
    static func collapse(_ state: inout AppState) {
        guard case .tree(let rows) = state.keys.listing, let selected = state.keys.table.selected, rows.indices.contains(selected) else { return }
        if case .node(let node) = rows[selected].kind, case .folder(let prefix) = node.kind, state.keys.expanded.contains(prefix) {
            state.keys.expanded.remove(prefix)
            rebuild(&state, keepSelection: true)
            return
        }
        // Walk up to the parent folder row and close it.
        let depth = rows[selected].depth
        guard depth > 0, let parent = rows[..<selected].lastIndex(where: { $0.depth == depth - 1 }),
              case .node(let node) = rows[parent].kind, case .folder(let prefix) = node.kind else { return }
        state.keys.expanded.remove(prefix)
        state.keys.table.select(parent, count: rows.count)
        rebuild(&state, keepSelection: true)
    }

    enum SelectedRow { case folder([UInt8]), key(KeyID), more }

    static func selectedRow(_ state: AppState) -> SelectedRow? {
        guard let selected = state.keys.table.selected else { return nil }
        switch state.keys.listing {
        case .tree(let rows):
            guard rows.indices.contains(selected) else { return nil }
            switch rows[selected].kind {
            case .more: return .more
            case .node(let node):
                switch node.kind {
                case .folder(let prefix): return .folder(prefix)
                case .key(let id): return .key(id)
                }
            }
        case .flat(let list):
            guard selected < list.count else { return nil }
            return .key(list.id(at: selected))
        }
    }

    /// Handles a key while the filter line is open.
    static func filterKey(_ key: Key, _ state: inout AppState) {
        guard var input = state.keys.filterInput else { return }
        switch input.handle(key) {
        case .submitted(let text):
            state.keys.filterInput = nil
            state.keys.filterText = text
            applyFilter(&state)
        case .cancelled:
            state.keys.filterInput = nil
        default:
            state.keys.filterInput = input
        }
    }

    /// Narrows what is indexed to the filter, locally (a rescan sends it to the server).
    static func applyFilter(_ state: inout AppState) {
        guard let view = state.keys.view else { return }
        state.keys.view = view.filtered(by: state.keys.keyFilter)
        rebuild(&state, keepSelection: false)
        let what = [state.keys.filterText.isEmpty ? nil : KeysState.glob(for: state.keys.filterText), state.keys.typeFilter.map { "type \($0)" }].compactMap { $0 }
        state.status = StatusMessage(what.isEmpty ? "filter cleared" : "\(state.keys.view?.count ?? 0) keys match \(what.joined(separator: ", ")) (r rescans with SCAN MATCH)", now: state.now)
    }

    static func scanUpdated(_ node: Int, _ update: KeyspaceScanUpdate, _ state: inout AppState) {
        guard state.keys.node == node else { return }
        state.keys.progress = update.progress
        let filter = state.keys.keyFilter
        state.keys.view = filter.isEmpty ? update.view : update.view.filtered(by: filter)
        rebuild(&state, keepSelection: true)
    }

    /// Rebuilds the listing from the view, keeping the selected row where it was when asked.
    static func rebuild(_ state: inout AppState, keepSelection: Bool) {
        guard let view = state.keys.view else { state.keys.listing = .empty; return }
        state.keys.listing = KeyListingBuilder.build(view, mode: state.keys.mode, sort: state.keys.sort, expanded: state.keys.expanded, now: state.wallMilliseconds)
        let count = state.keys.listing.count
        if keepSelection, let selected = state.keys.table.selected {
            state.keys.table.select(min(selected, max(0, count - 1)), count: count)
        } else {
            state.keys.table = TableState(selected: count > 0 ? 0 : nil)
        }
    }

    static func detailLoaded(_ key: [UInt8], _ result: Result<KeyDetail?, LoadError>, _ state: inout AppState) {
        guard var opened = state.keys.opened, opened.key == key else { return }
        switch result {
        case .success(let detail?):
            opened.detail = detail
            opened.type = detail.type
        case .success(nil):
            opened.loading = false
            opened.error = "the key no longer exists"
        case .failure(let error):
            opened.loading = false
            opened.error = error.description
        }
        state.keys.opened = opened
    }

    static func pageLoaded(_ key: [UInt8], _ result: Result<ValuePage, LoadError>, _ state: inout AppState) {
        guard var opened = state.keys.opened, opened.key == key else { return }
        opened.loading = false
        switch result {
        case .success(let page): opened.pages.append(page)
        case .failure(let error): opened.error = error.description
        }
        state.keys.opened = opened
    }

    static func sortName(_ sort: NamespaceSort) -> String {
        switch sort {
        case .name: return "name"
        case .memory: return "memory"
        case .ttl: return "TTL"
        }
    }
}
