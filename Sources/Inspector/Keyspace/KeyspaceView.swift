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
    /// Live, matching key ids in byte order of the key (the same storage as `allOrder` when
    /// nothing is filtered out).
    let order: [UInt32]
    /// Every id of the index in byte order (tombstones and filtered-out keys included), kept so
    /// refiltering never re-sorts. Shared storage, no copy.
    let allOrder: [UInt32]
    /// Memory, keys without TTL and keys looked up over runs of `order`.
    let sums: KeyspaceViewSums
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
        var kept: [UInt32]?  // made at the first key left out; until then `order` is `sortedIDs`
        var sums = KeyspaceViewSums()
        let all = filter.isEmpty
        for (position, raw) in sortedIDs.enumerated() {
            let id = KeyID(rawValue: raw)
            guard all ? index.isLive(id) : filter.accepts(id, in: index) else {
                if kept == nil {
                    kept = Array(sortedIDs[0..<position])
                    kept!.reserveCapacity(sortedIDs.count)
                }
                continue
            }
            kept?.append(raw)
            sums.append(index.rawAttributes(Int(raw)))
        }
        self.order = kept ?? sortedIDs
        self.sums = sums
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
    public var totalMemory: UInt64 { sums.total.memory }
    /// Keys in the view with no TTL.
    public var persistentCount: Int { sums.total.persistent }

    /// The key at `position` in byte order.
    public func id(at position: Int) -> KeyID { KeyID(rawValue: order[position]) }

    /// Totals for the keys whose bytes start with `prefix` (any prefix, not only folders).
    public func summary(ofPrefix prefix: [UInt8]) -> (keys: Int, memory: UInt64, persistent: Int) {
        let r = range(ofPrefix: prefix)
        let totals = totals(of: r)
        return (r.count, totals.memory, totals.persistent)
    }

    /// Memory, keys without TTL and keys looked up at positions `range`.
    func totals(of range: Range<Int>) -> KeyspaceViewSums.Totals {
        sums.totals(of: range, order: order, index: index)
    }

    // MARK: ranges

    /// Positions (in byte order) of the keys starting with `prefix`: always contiguous.
    public func range(ofPrefix prefix: [UInt8]) -> Range<Int> {
        range(ofPrefix: prefix, within: 0..<order.count)
    }

    func range(ofPrefix prefix: [UInt8], within bounds: Range<Int>) -> Range<Int> {
        if prefix.isEmpty { return bounds }
        return prefix.withUnsafeBytes { p in
            // -1: key sorts before every key with the prefix; 0: has the prefix; 1: after.
            func side(_ position: Int) -> Int32 {
                index.withKeyBytes(Int(order[position])) { key in
                    let n = Swift.min(key.count, p.count)
                    let c = n > 0 ? memcmpBytes(key.baseAddress!, p.baseAddress!, n) : 0
                    if c != 0 { return c < 0 ? -1 : 1 }
                    return key.count < p.count ? -1 : 0
                }
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
