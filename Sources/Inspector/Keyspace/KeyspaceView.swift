/// An immutable, query-ready snapshot of a `KeyIndex`: the live keys that pass a filter, in byte
/// order, with running sums of memory and of keys without TTL. Any prefix of the namespace is one
/// contiguous range of that order (binary search), and its totals are two subtractions, so the
/// tree stays fast at a million keys. Build it off the UI path (`filtered(by:)` is O(n)); read
/// it anywhere.
public struct KeyspaceView: Sendable {
    /// The index snapshot this view reads.
    public let index: KeyIndex
    /// The filter applied (`.all` for the scanner's own view).
    public let filter: KeyFilter
    /// The delimiter the tree splits on (`:` by default).
    public let delimiter: UInt8
    /// Live, matching key ids in byte order of the key.
    let order: [UInt32]
    /// Every id of the index in byte order (tombstones and filtered-out keys included), kept so
    /// refiltering never re-sorts. Shared storage, no copy.
    let allOrder: [UInt32]
    /// `memoryPrefix[i]` = memory of `order[0..<i]`.
    let memoryPrefix: [UInt64]
    /// `persistentPrefix[i]` = keys without TTL in `order[0..<i]`.
    let persistentPrefix: [UInt32]
    /// `lookedUpPrefix[i]` = keys of `order[0..<i]` whose lookups are back (type known).
    let lookedUpPrefix: [UInt32]
    /// `memorySquaresPrefix[i]` = Σ memory² over `order[0..<i]`: the variance of memory estimates.
    let memorySquaresPrefix: [Double]
    /// The share of the keys the walk passed that the index keeps (1: all of them). Past its
    /// memory budget the index keeps a uniform sample by key hash; see ``KeyspaceView/figures(ofPrefix:visitedFraction:)``.
    public let sampleRate: Double
    /// Every key name the walk returned, counted per prefix (``PrefixCounter``): what makes the
    /// folders' key counts exact past the index's budget once the walk completes. Nil for a
    /// filtered view (the counts are of the whole walk).
    public let prefixCounter: PrefixCounter?

    /// An empty view (before the first batch).
    public init(delimiter: UInt8 = UInt8(ascii: ":")) {
        self.init(index: KeyIndex(), sortedIDs: [], filter: .all, delimiter: delimiter, sampleRate: 1, prefixCounter: nil)
    }

    /// Builds a view over `index` from ids already in byte order, dropping tombstones and keys the
    /// filter rejects. O(n).
    init(index: KeyIndex, sortedIDs: [UInt32], filter: KeyFilter, delimiter: UInt8, sampleRate: Double, prefixCounter: PrefixCounter?) {
        self.index = index
        self.prefixCounter = filter.isEmpty && prefixCounter?.delimiter == delimiter ? prefixCounter : nil
        self.filter = filter
        self.delimiter = delimiter
        self.sampleRate = sampleRate
        self.allOrder = sortedIDs
        var order: [UInt32] = []
        order.reserveCapacity(sortedIDs.count)
        var memoryPrefix: [UInt64] = [0]
        memoryPrefix.reserveCapacity(sortedIDs.count + 1)
        var persistentPrefix: [UInt32] = [0]
        persistentPrefix.reserveCapacity(sortedIDs.count + 1)
        var lookedUpPrefix: [UInt32] = [0]
        lookedUpPrefix.reserveCapacity(sortedIDs.count + 1)
        var memorySquaresPrefix: [Double] = [0]
        memorySquaresPrefix.reserveCapacity(sortedIDs.count + 1)
        let all = filter.isEmpty
        var memory: UInt64 = 0
        var persistent: UInt32 = 0
        var lookedUp: UInt32 = 0
        var squares = 0.0
        for raw in sortedIDs {
            let id = KeyID(rawValue: raw)
            guard all ? index.isLive(id) : filter.accepts(id, in: index) else { continue }
            order.append(raw)
            let bytes = index.memoryUsage(id)
            memory += bytes
            squares += Double(bytes) * Double(bytes)
            if index.ttl(id) == .persistent { persistent += 1 }
            if index.type(id) != .unknown { lookedUp += 1 }
            memoryPrefix.append(memory)
            persistentPrefix.append(persistent)
            lookedUpPrefix.append(lookedUp)
            memorySquaresPrefix.append(squares)
        }
        self.order = order
        self.memoryPrefix = memoryPrefix
        self.persistentPrefix = persistentPrefix
        self.lookedUpPrefix = lookedUpPrefix
        self.memorySquaresPrefix = memorySquaresPrefix
    }

    /// Builds a view of every live key in `index`, sorting them (O(n log n)).
    /// - Parameter sampleRate: the share of the keyspace's keys `index` keeps (1: every key).
    /// - Parameter prefixCounter: every name the walk returned, counted per prefix (nil: none).
    public init(
        index: KeyIndex, filter: KeyFilter = .all, delimiter: UInt8 = UInt8(ascii: ":"), sampleRate: Double = 1,
        prefixCounter: PrefixCounter? = nil
    ) {
        var sorted = SortedKeyOrder()
        sorted.append(0..<UInt32(index.idCount))
        sorted.merge(using: index)
        self.init(index: index, sortedIDs: sorted.ids, filter: filter, delimiter: delimiter, sampleRate: sampleRate, prefixCounter: prefixCounter)
    }

    /// The same keys narrowed by `filter` (applied to the whole index, not on top of this view's
    /// filter). O(n); run it off the UI path for large indexes.
    public func filtered(by filter: KeyFilter) -> KeyspaceView {
        KeyspaceView(index: index, sortedIDs: allOrder, filter: filter, delimiter: delimiter, sampleRate: sampleRate, prefixCounter: prefixCounter)
    }

    /// The same keys split on another delimiter (no re-sort needed).
    public func withDelimiter(_ delimiter: UInt8) -> KeyspaceView {
        KeyspaceView(index: index, sortedIDs: allOrder, filter: filter, delimiter: delimiter, sampleRate: sampleRate, prefixCounter: prefixCounter)
    }

    // MARK: totals

    /// Keys in the view.
    public var count: Int { order.count }
    /// Total `MEMORY USAGE` of the keys in the view.
    public var totalMemory: UInt64 { memoryPrefix.last ?? 0 }
    /// Keys in the view with no TTL.
    public var persistentCount: Int { Int(persistentPrefix.last ?? 0) }

    /// The key at `position` in byte order.
    public func id(at position: Int) -> KeyID { KeyID(rawValue: order[position]) }

    /// Totals for the keys whose bytes start with `prefix` (any prefix, not only folders).
    public func summary(ofPrefix prefix: [UInt8]) -> (keys: Int, memory: UInt64, persistent: Int) {
        let r = range(ofPrefix: prefix)
        return (
            r.count, memoryPrefix[r.upperBound] - memoryPrefix[r.lowerBound],
            Int(persistentPrefix[r.upperBound] - persistentPrefix[r.lowerBound])
        )
    }

    // MARK: ranges

    /// Positions (in byte order) of the keys starting with `prefix`: always contiguous.
    public func range(ofPrefix prefix: [UInt8]) -> Range<Int> {
        range(ofPrefix: prefix, within: 0..<order.count)
    }

    func range(ofPrefix prefix: [UInt8], within bounds: Range<Int>) -> Range<Int> {
        if prefix.isEmpty { return bounds }
        return prefix.withUnsafeBytes { p in
            index.arena.withUnsafeBytes { arena in
                // -1: key sorts before every key with the prefix; 0: has the prefix; 1: after.
                func side(_ position: Int) -> Int32 {
                    let id = Int(order[position])
                    let length = Int(index.lengths[id])
                    let n = Swift.min(length, p.count)
                    let key = arena.baseAddress! + Int(index.offsets[id])
                    let c = n > 0 ? memcmpBytes(key, p.baseAddress!, n) : 0
                    if c != 0 { return c < 0 ? -1 : 1 }
                    return length < p.count ? -1 : 0
                }
                var lo = bounds.lowerBound
                var hi = bounds.upperBound
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if side(mid) < 0 { lo = mid + 1 } else { hi = mid }
                }
                let start = lo
                hi = bounds.upperBound
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if side(mid) <= 0 { lo = mid + 1 } else { hi = mid }
                }
                return start..<lo
            }
        }
    }
}
