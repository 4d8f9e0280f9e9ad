import Inspector

/// One row of the keys pane: a folder or a key of the namespace tree at a depth, or the
/// "and N more" row that caps a huge folder.
public struct KeyRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case node(NamespaceNode)
        /// `count` further children not materialised (narrow with `/`).
        case more(count: Int)
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

    static func build(_ view: KeyspaceView, mode: KeysState.Mode, sort: NamespaceSort, expanded: Set<[UInt8]>, now: Int64) -> KeyListing {
        switch mode {
        case .flat:
            return .flat(view.flatList(sortedBy: sort, now: now))
        case .tree:
            var rows: [KeyRow] = []
            func add(_ prefix: [UInt8], depth: Int) {
                let children = view.children(of: prefix, sortedBy: sort, now: now)
                for child in children.prefix(childLimit) {
                    rows.append(KeyRow(depth: depth, kind: .node(child)))
                    if case .folder(let p) = child.kind, expanded.contains(p) { add(p, depth: depth + 1) }
                }
                if children.count > childLimit { rows.append(KeyRow(depth: depth, kind: .more(count: children.count - childLimit))) }
            }
            add([], depth: 0)
            return .tree(rows)
        }
    }
}
