import Inspector
import TerminalUI

/// How the keys pane reacts to actions and to what the scanner and the inspector send back.
enum KeysUpdate {
    /// Called whenever the keys pane comes into view: the first visit (or a different node)
    /// starts the scan. Nothing is scanned until someone looks.
    static func entered(_ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        guard keys.node != context.currentNode || keys.spansCluster != context.keysSpanCluster else { return [] }
        keys = KeysState()
        keys.node = context.currentNode
        keys.spansCluster = context.keysSpanCluster
        keys.progress.phase = .scanning
        return [.startScan(node: context.currentNode, filter: .all)]
    }

    /// Node `node` answers again after being down: rescan if its scan had failed.
    static func nodeRecovered(_ node: Int, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        guard keys.node == node, case .failed = keys.progress.phase else { return [] }
        keys.progress = ScanProgress()
        keys.progress.phase = .scanning
        return [.startScan(node: node, filter: keys.scanFilter)]
    }

    static func perform(_ action: AppAction, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        if keys.opened != nil, let effects = performInDetail(action, &keys, &context) { return effects }
        let count = keys.listing.count
        let page = max(1, context.height - 8)
        if keys.table.navigate(action, count: count, page: page) { return lookUpVisible(&keys, context) }
        switch action {
        case .open: return open(&keys, &context)
        case .expire, .persist, .delete, .undo, .deletePattern, .expirePattern:
            return MutationUpdate.perform(action, &keys, &context)
        case .collapse: collapse(&keys, &context)
        case .toggleView:
            keys.mode = keys.mode == .tree ? .flat : .tree
            rebuild(&keys, context, keepSelection: false)
        case .sort:
            let all = NamespaceSort.allCases
            keys.sort = all[(all.firstIndex(of: keys.sort)! + 1) % all.count]
            rebuild(&keys, context, keepSelection: false)
            context.status = StatusMessage("sorted by \(sortName(keys.sort))", now: context.now, lifetime: 3)
        case .cycleType:
            let types: [RedisKeyType?] = [nil, .string, .hash, .list, .set, .zset, .stream]
            let i = types.firstIndex(of: keys.typeFilter) ?? 0
            keys.typeFilter = types[(i + 1) % types.count]
            applyFilter(&keys, &context)
        case .filter:
            keys.filterInput = InputLineState(text: keys.filterText)
        case .rescan:
            guard let node = keys.node else { return entered(&keys, &context) }
            keys.progress = ScanProgress()
            keys.progress.phase = .scanning
            let filter = keys.scanFilter
            let glob = filter.pattern.map { DisplayText(ServerBytes($0.source)) } ?? ""
            context.status = StatusMessage(filter.isEmpty ? "rescanning" : "rescanning keys matching \(glob) (SCAN MATCH)", now: context.now, lifetime: 3)
            return [.startScan(node: node, filter: filter)]
        case .back:
            if !keys.filterText.isEmpty || keys.typeFilter != nil {
                keys.filterText = ""
                keys.typeFilter = nil
                applyFilter(&keys, &context)
            } else if keys.prefixScan != nil, let node = keys.node {
                return PrefixScan.leave(node, &keys, &context)
            } else {
                context.status = nil
            }
        default:
            context.status = StatusMessage("not available yet", kind: .warning, now: context.now, lifetime: 3)
        }
        return []
    }

    /// Keys handled by the open value view; nil hands the action to the list.
    private static func performInDetail(_ action: AppAction, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect]? {
        guard var opened = keys.opened, let node = keys.node else { return nil }
        if opened.hasFieldTTLs, let effects = FieldTTLUpdate.perform(action, &keys, &context) { return effects }
        let page = max(1, context.height - 10)
        var effects: [AppEffect] = []
        switch action {
        case .moveUp: opened.scroll = max(0, opened.scroll - 1)
        case .moveDown: opened.scroll += 1
        case .pageUp: opened.scroll = max(0, opened.scroll - page)
        case .pageDown: opened.scroll += page
        case .top: opened.scroll = 0
        case .bottom: opened.scroll = Int.max / 2
        case .back, .collapse:
            keys.opened = nil
            return []
        case .nextPage:
            if let cursor = opened.nextCursor, !opened.loading {
                opened.loading = true
                effects.append(.loadValuePage(node: node, key: opened.key, type: opened.type, cursor: cursor))
            }
        case .toggleHex: opened.hex.toggle()
        case .expire, .persist, .delete, .undo:
            return MutationUpdate.perform(action, &keys, &context)
        default: return nil
        }
        keys.opened = opened
        return effects
    }

    static func open(_ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        guard let row = selectedRow(keys), let view = keys.view, let node = keys.node else { return [] }
        switch row {
        case .folder(let prefix):
            if keys.progress.sampleRate < 1, keys.prefixScan == nil, !keys.expanded.contains(prefix) {
                return PrefixScan.enter(prefix, node: node, &keys, &context)
            }
            if keys.expanded.contains(prefix) { keys.expanded.remove(prefix) } else { keys.expanded.insert(prefix) }
            rebuild(&keys, context, keepSelection: true)
            return lookUpVisible(&keys, context)
        case .key(let id):
            let key = view.index.key(id)
            let type = view.index.type(id)
            keys.opened = OpenedKey(key: key, type: type)
            return [.openKey(node: node, key: key, type: type)]
        case .more:
            context.status = StatusMessage("narrow the list with / to see these keys", now: context.now)
            return []
        case .other:
            context.status = StatusMessage("the smaller folders, counted together: narrow the list with / to see their keys", now: context.now)
            return []
        }
    }

    /// `l`: asks the leaderboard to watch the selected key, if it is a sorted set.
    static func watchSelected(_ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        guard case .key(let id)? = selectedRow(keys), let view = keys.view, let node = keys.node else {
            context.status = StatusMessage("select a sorted set key to watch", kind: .warning, now: context.now, lifetime: 3)
            return []
        }
        let key = view.index.key(id)
        guard view.index.type(id) == .zset else {
            context.status = StatusMessage("\(ServerBytes(key)) is a \(view.index.type(id)), not a sorted set", kind: .warning, now: context.now, lifetime: 3)
            return []
        }
        context.request(.watchSortedSet(key: key, node: node))
        return []
    }

    /// `←`: close the folder the selection is in (or the selected open folder).
    static func collapse(_ keys: inout KeysState, _ context: inout PaneContext) {
        guard case .tree(let rows) = keys.listing, let selected = keys.table.selected, rows.indices.contains(selected) else { return }
        if case .node(let node) = rows[selected].kind, case .folder(let prefix) = node.kind, keys.expanded.contains(prefix) {
            keys.expanded.remove(prefix)
            rebuild(&keys, context, keepSelection: true)
            return
        }
        // Walk up to the parent folder row and close it.
        let depth = rows[selected].depth
        guard depth > 0, let parent = rows[..<selected].lastIndex(where: { $0.depth == depth - 1 }),
            case .node(let node) = rows[parent].kind, case .folder(let prefix) = node.kind
        else { return }
        keys.expanded.remove(prefix)
        keys.table.select(parent, count: rows.count)
        rebuild(&keys, context, keepSelection: true)
    }

    enum SelectedRow { case folder([UInt8]), key(KeyID), more, other }

    static func selectedRow(_ keys: KeysState) -> SelectedRow? {
        guard let selected = keys.table.selected else { return nil }
        switch keys.listing {
        case .tree(let rows):
            guard rows.indices.contains(selected) else { return nil }
            switch rows[selected].kind {
            case .more: return .more
            case .other: return .other
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
    static func filterKey(_ key: Key, _ keys: inout KeysState, _ context: inout PaneContext) {
        guard var input = keys.filterInput else { return }
        switch input.handle(key) {
        case .submitted(let text):
            keys.filterInput = nil
            keys.filterText = text
            applyFilter(&keys, &context)
        case .cancelled:
            keys.filterInput = nil
        default:
            keys.filterInput = input
        }
    }

    /// Narrows what is indexed to the filter, locally (a rescan sends it to the server).
    static func applyFilter(_ keys: inout KeysState, _ context: inout PaneContext) {
        guard let view = keys.view else { return }
        keys.view = view.filtered(by: keys.keyFilter)
        let opened = FilterFolders.open(&keys, context)
        rebuild(&keys, context, keepSelection: false)
        if opened { FilterFolders.selectFirstKey(&keys) }
        let what = [keys.filterText.isEmpty ? nil : KeysState.glob(for: keys.filterText), keys.typeFilter.map { "type \($0)" }].compactMap { $0 }
        let folders = !opened && keys.mode == .tree && (keys.view?.count ?? 0) > 0 ? "; open a folder with Enter" : ""
        context.status = StatusMessage(
            what.isEmpty ? "filter cleared" : "\(keys.view?.count ?? 0) \(keys.view?.count == 1 ? "key matches" : "keys match") \(what.joined(separator: ", "))\(folders) (r rescans with SCAN MATCH)",
            now: context.now)
    }

    static func scanUpdated(_ node: Int, _ update: KeyspaceScanUpdate, _ keys: inout KeysState, _ context: inout PaneContext) {
        guard keys.node == node else { return }
        keys.progress = update.progress
        let filter = keys.keyFilter
        keys.view = filter.isEmpty ? update.view : update.view.filtered(by: filter)
        if !filter.isEmpty { FilterFolders.open(&keys, context) }
        rebuild(&keys, context, keepSelection: true)
    }

    /// Rebuilds the listing from the view, keeping the selected row where it was when asked.
    static func rebuild(_ keys: inout KeysState, _ context: PaneContext, keepSelection: Bool) {
        guard let view = keys.view else {
            keys.listing = .empty
            return
        }
        keys.listing = KeyListingBuilder.build(
            view, mode: keys.mode, sort: keys.sort, expanded: keys.expanded, now: context.wallMilliseconds,
            estimatedFolders: keys.clusterPicture?.foldersByParent ?? [:])
        let count = keys.listing.count
        if keepSelection, let selected = keys.table.selected {
            keys.table.select(min(selected, max(0, count - 1)), count: count)
        } else {
            keys.table = TableState(selected: count > 0 ? 0 : nil)
        }
    }

    static func detailLoaded(_ key: [UInt8], _ result: Result<KeyDetail?, LoadError>, _ keys: inout KeysState, _ context: inout PaneContext) {
        guard var opened = keys.opened, opened.key == key else { return }
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
        keys.opened = opened
    }

    static func pageLoaded(_ key: [UInt8], _ result: Result<ValuePage, LoadError>, _ keys: inout KeysState, _ context: inout PaneContext) {
        guard var opened = keys.opened, opened.key == key else { return }
        opened.loading = false
        switch result {
        case .success(let page): opened.pages.append(page)
        case .failure(let error): opened.error = error.description
        }
        keys.opened = opened
        // The key's row in the list says that some of its fields expire (learned by opening it).
        if opened.hasFieldTTLs {
            let expiring = opened.fields.filter { if case .expires = $0.ttl { return true } else { return false } }.count
            keys.fieldExpiry[key] = expiring > 0 ? "\(expiring) field\(expiring == 1 ? "" : "s") expire\(expiring == 1 ? "s" : "")" : nil
        }
    }

    static func sortName(_ sort: NamespaceSort) -> String {
        switch sort {
        case .name: return "name"
        case .memory: return "memory"
        case .ttl: return "TTL"
        }
    }
}
