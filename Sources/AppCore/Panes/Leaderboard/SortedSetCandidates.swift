import Inspector

/// The sorted sets the keys index holds, biggest first, offered by the leaderboard while
/// nothing is watched (Enter watches one).
public struct SortedSetCandidates: Sendable, Equatable {
    /// One sorted set: its key, its memory (from the index) and its member count once read.
    public struct Entry: Sendable, Equatable {
        public var key: [UInt8]
        public var memory: UInt64
        /// `ZCARD`, nil until read (or when it could not be).
        public var members: Int64?
    }

    /// The node whose index they come from.
    public var node: Int
    /// Biggest (by memory) first, at most `limit`.
    public var entries: [Entry]
    /// Every sorted set of the index, listed or not.
    public var total: Int
    /// The index was walked to the end: no more will turn up until a rescan.
    public var complete: Bool
    /// Keys whose member count has been asked for (asked once).
    public var counting: Set<[UInt8]> = []

    /// How many are listed at most.
    public static let limit = 100

    /// The sorted sets of `index`, biggest first; member counts already read in `previous` kept.
    /// O(keys in the index): run when the index changes and the pane shows them.
    public init(_ index: KeyIndex, node: Int, complete: Bool, previous: SortedSetCandidates?) {
        var found: [(id: KeyID, memory: UInt64)] = []
        for raw in 0..<UInt32(index.idCount) {
            let id = KeyID(rawValue: raw)
            if index.type(id) == .zset { found.append((id, index.memoryUsage(id))) }
        }
        total = found.count
        // Equal sizes fall back to the key's bytes so the order (and the first selection) does
        // not depend on which shard or SCAN batch answered first.
        found.sort { $0.memory != $1.memory ? $0.memory > $1.memory : index.key($0.id).lexicographicallyPrecedes(index.key($1.id)) }
        let known = Dictionary((previous?.node == node ? previous?.entries : nil)?.map { ($0.key, $0.members) } ?? [], uniquingKeysWith: { a, _ in a })
        entries = found.prefix(Self.limit).map { item in
            let key = index.key(item.id)
            return Entry(key: key, memory: item.memory, members: known[key] ?? nil)
        }
        self.node = node
        self.complete = complete
        counting = previous?.node == node ? previous?.counting ?? [] : []
    }
}
