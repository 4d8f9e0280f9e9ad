// Keeps the keyspace index inside its memory budget by keeping a uniform sample of keys past it.

/// The index's memory budget (`index_budget_mb`). Under it the index keeps every key the walk
/// passes, and its figures are exact once the walk ends. Past it the index keeps a key only when a
/// hash of its bytes is at most a threshold, and halves the threshold (dropping the keys above
/// it) each time the budget is reached again: what stays is a uniform sample of the keys passed,
/// at rate ``rate``, whatever their names, and memory stays bounded whatever the keyspace's size.
/// ``KeyspaceView/figures(ofPrefix:visitedFraction:)`` weighs the sample back up, with intervals.
///
/// The hash is the index's own, mixed once more, so it is unrelated both to the index's buckets
/// and to the server's seeded hash that orders the walk.
struct IndexBudget: Sendable {
    /// The budget for the index and the views built from it, bytes.
    let bytes: Int
    /// Keys whose sample hash is above this are not kept. `.max`: every key is kept.
    private(set) var threshold: UInt64 = .max

    /// A view holds 4 bytes a key (its order of ids; its sums are kept every 64 keys), and while
    /// the walk runs three orders are alive (the scanner's, the newest view's, the one the UI
    /// still shows), with the merge of the next batch beside them: 16 bytes a key.
    static let viewBytesPerKey = 16

    /// Reaching the budget builds the halved sample beside the index while the views still
    /// hold the old one, with the old → new id tables and the allocator's slack around them: the
    /// process's peak over its base measures about twice the index, so the index is charged twice.
    static func charge(footprintBytes: Int, keys: Int) -> Int {
        footprintBytes * 2 + keys * viewBytesPerKey
    }

    init(bytes: Int) {
        self.bytes = Swift.max(1 << 20, bytes)
    }

    /// The share of the keys passed that the index keeps.
    var rate: Double { threshold == .max ? 1 : Double(threshold) / 18_446_744_073_709_551_616.0 }

    /// Whether the index keeps the key whose bytes are `key`.
    func admits(_ key: UnsafeRawBufferPointer) -> Bool {
        threshold == .max || Self.sampleHash(key) <= threshold
    }

    /// Keys the index can hold within the budget, for reserving capacity up front.
    func capacity(averageKeyLength: Int = 24) -> Int {
        bytes / ((averageKeyLength + 29) * 2 + Self.viewBytesPerKey)
    }

    /// Whether `index` (with its views) is over the budget.
    func isExceeded(by index: KeyIndex) -> Bool {
        Self.charge(footprintBytes: index.footprintBytes, keys: index.idCount) > bytes
    }

    /// Halves the sample rate until `index` fits, and returns the index of the keys still kept
    /// with, for every old id, its new id (`UInt32.max`: dropped). Nil when `index` already fits.
    mutating func enforce(on index: KeyIndex) -> (index: KeyIndex, newIDs: [UInt32])? {
        guard isExceeded(by: index) else { return nil }
        var kept = index
        var newIDs = Array(0..<UInt32(index.idCount))
        repeat {
            threshold = threshold == .max ? UInt64.max / 2 : threshold / 2
            let (next, step) = Self.retaining(kept, threshold: threshold)
            for position in newIDs.indices where newIDs[position] != .max { newIDs[position] = step[Int(newIDs[position])] }
            kept = next
        } while isExceeded(by: kept) && threshold > 0
        return (kept, newIDs)
    }

    /// A new index of the live keys of `index` whose sample hash is at most `threshold`, with
    /// their attributes, and the old id → new id table.
    static func retaining(_ index: KeyIndex, threshold: UInt64) -> (KeyIndex, [UInt32]) {
        var kept = KeyIndex()
        var newIDs = [UInt32](repeating: .max, count: index.idCount)
        for raw in 0..<UInt32(index.idCount) {
            let id = KeyID(rawValue: raw)
            guard index.isLive(id) else { continue }
            let added = index.withKeyBytes(id) { bytes -> KeyID? in
                guard sampleHash(bytes) <= threshold else { return nil }
                return kept.insert(buffer: bytes)?.id
            }
            guard let added else { continue }
            kept.update(added, type: index.type(id), ttl: index.ttl(id), memory: index.memoryUsage(id))
            newIDs[Int(raw)] = added.rawValue
        }
        return (kept, newIDs)
    }

    /// The index's hash mixed once more (a murmur finaliser), for the sample decision.
    static func sampleHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = KeyIndex.hash(bytes) ^ 0x5851_F42D_4C95_7F2D
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
