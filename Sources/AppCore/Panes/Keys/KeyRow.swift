import Inspector

/// One row of the keys pane: a folder or a key of the namespace tree at a depth, or the
/// "and N more" row that caps a huge folder.
public struct KeyRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case node(NamespaceNode)
        /// `count` further children not materialised (narrow with `/`).
        case more(count: Int)
        /// The keys of `parent`'s smaller folders the walk's counters folded together (past the
        /// index budget): `keys` names the walk returned, counted (``PrefixCounter``); `hidden` the
        /// folders of the sample it stands for (their memory and keys without TTL are summed).
        case other(parent: [UInt8], keys: Int, hidden: [[UInt8]])
    }

    public var depth: Int
    public var kind: Kind

    /// The key's exact bytes for a key row, nil otherwise.
    func keyBytes(in view: KeyspaceView) -> [UInt8]? {
        guard case .node(let node) = kind, case .key(let id) = node.kind else { return nil }
        return view.index.key(id)
    }
}

/// What the keys pane lists: the expanded namespace tree, or every key in one order.
public enum KeyListing: Sendable {
    case tree([KeyRow])
    case flat(FlatKeyList)

    public var count: Int {
        switch self {
        case .tree(let rows): return rows.count
        case .flat(let list): return list.count
        }
    }

    static let empty = KeyListing.tree([])
}

/// Builds the listing from a view: the tree rows of every expanded folder (a folder shows at
/// most `childLimit` children, then a "more" row), or the flat list.
enum KeyListingBuilder {
    static let childLimit = 2000

    /// - Parameter estimatedFolders: parent prefix → folders an estimate knows of that the view
    ///   may not hold yet (a cluster's first picture): listed after the view's own, empty.
    static func build(
        _ view: KeyspaceView, mode: KeysState.Mode, sort: NamespaceSort, expanded: Set<[UInt8]>, now: Int64, estimatedFolders: [[UInt8]: [[UInt8]]] = [:]
    ) -> KeyListing {
        switch mode {
        case .flat:
            return .flat(view.flatList(sortedBy: sort, now: now))
        case .tree:
            var rows: [KeyRow] = []
            func add(_ prefix: [UInt8], depth: Int) {
                var children = view.children(of: prefix, sortedBy: sort, now: now)
                let folded = foldedKeys(under: prefix, in: view)
                var hidden: [[UInt8]] = []
                if folded > 0, let counter = view.prefixCounter {
                    // The counters' tree: folders they folded are in the `other` row, not listed.
                    children.removeAll { node in
                        guard case .folder(let p) = node.kind, !counter.holds(p) else { return false }
                        hidden.append(p)
                        return true
                    }
                }
                if let extra = estimatedFolders[prefix] {
                    let held = Set(
                        children.compactMap { node -> [UInt8]? in
                            if case .folder(let p) = node.kind { return p }
                            return nil
                        })
                    for folder in extra where !held.contains(folder) {
                        let name = Array(folder[prefix.count..<Swift.max(prefix.count, folder.count - 1)])
                        children.append(NamespaceNode(kind: .folder(prefix: folder), name: name, keyCount: 0, memory: 0, persistentCount: 0, ttl: .unknown, type: .unknown))
                    }
                }
                for child in children.prefix(childLimit) {
                    rows.append(KeyRow(depth: depth, kind: .node(child)))
                    if case .folder(let p) = child.kind, expanded.contains(p) { add(p, depth: depth + 1) }
                }
                if children.count > childLimit { rows.append(KeyRow(depth: depth, kind: .more(count: children.count - childLimit))) }
                if folded > 0 { rows.append(KeyRow(depth: depth, kind: .other(parent: prefix, keys: folded, hidden: hidden))) }
            }
            add([], depth: 0)
            return .tree(rows)
        }
    }

    /// Keys of `prefix`'s folders the walk's counters folded, when the index holds a sample (under
    /// the budget every folder is listed from the index itself); 0 otherwise.
    static func foldedKeys(under prefix: [UInt8], in view: KeyspaceView) -> Int {
        guard view.sampleRate < 1, let counter = view.prefixCounter, counter.holds(prefix) else { return 0 }
        let level = prefix.filter { $0 == view.delimiter }.count
        return level < counter.depth ? counter.folded(under: prefix) : 0
    }
}
