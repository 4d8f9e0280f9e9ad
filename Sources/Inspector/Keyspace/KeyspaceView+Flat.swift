extension KeyspaceView {
    /// A flat list of the view's keys in `sort` order, for the pane's list mode. Name order is
    /// free; memory and TTL orders sort every key once (O(n log n)): build off the UI path and
    /// page from the result.
    public func flatList(sortedBy sort: NamespaceSort = .name, now: Int64 = wallClockMilliseconds()) -> FlatKeyList {
        switch sort {
        case .name:
            return FlatKeyList(index: index, ids: order)
        case .memory:
            let ids = order.sorted { index.rawAttributes(Int($0)).memory > index.rawAttributes(Int($1)).memory }
            return FlatKeyList(index: index, ids: ids)
        case .ttl:
            // Deadline ascending puts soonest expiry first; persistent (-1) and unknown (-2) go last.
            func rank(_ raw: UInt32) -> Int64 {
                let d = index.rawAttributes(Int(raw)).deadline
                return d < 0 ? Int64.max + d : d
            }
            let ids = order.sorted { rank($0) < rank($1) }
            return FlatKeyList(index: index, ids: ids)
        }
    }
}

/// Keys in a fixed order, read a page at a time.
public struct FlatKeyList: Sendable {
    public let index: KeyIndex
    let ids: [UInt32]

    /// Number of keys.
    public var count: Int { ids.count }

    /// Rows `offset..<offset+limit` (clamped), materialised for display.
    public func page(offset: Int, limit: Int) -> [KeyEntry] {
        let start = Swift.max(0, Swift.min(offset, ids.count))
        let end = Swift.min(ids.count, start + Swift.max(0, limit))
        return ids[start..<end].map { index.entry(KeyID(rawValue: $0)) }
    }

    /// The id at `position`.
    public func id(at position: Int) -> KeyID { KeyID(rawValue: ids[position]) }
}
