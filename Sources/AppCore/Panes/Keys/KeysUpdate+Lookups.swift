// Exact where the eye is: keys on screen that the index counts but has not looked up are looked up.
import Inspector
import TerminalUI

extension KeysUpdate {
    /// The most keys remembered as asked for (then the memory starts over).
    static let lookupsRemembered = 10_000

    /// On a keyspace past ``ScanLoadPolicy/exactLookupLimit`` the index looks up only a sample of
    /// the keys and counts the rest; the key rows around the selection (a screen above and below)
    /// that are not looked up yet are asked for now, each once, so the rows the operator reads
    /// show exact type, TTL and memory.
    static func lookUpVisible(_ keys: inout KeysState, _ context: PaneContext) -> [AppEffect] {
        guard keys.progress.lookupRate < 1, let view = keys.view, let node = keys.node else { return [] }
        let count = keys.listing.count
        let selected = keys.table.selected ?? 0
        let page = max(1, context.height)
        let window = max(0, min(count, selected - page))..<max(0, min(count, selected + page))
        var wanted: [[UInt8]] = []
        switch keys.listing {
        case .tree(let rows):
            for row in rows[window] {
                guard case .node(let node) = row.kind, case .key(let id) = node.kind, view.index.type(id) == .unknown else { continue }
                wanted.append(view.index.key(id))
            }
        case .flat(let list):
            wanted = list.page(offset: window.lowerBound, limit: window.count).filter { $0.type == .unknown }.map(\.key)
        }
        wanted.removeAll { keys.lookupsAsked.contains($0) }
        guard !wanted.isEmpty else { return [] }
        if keys.lookupsAsked.count > lookupsRemembered { keys.lookupsAsked.removeAll() }
        keys.lookupsAsked.formUnion(wanted)
        return [.refreshKeys(node: node, keys: wanted)]
    }
}
