/// Key ids kept in byte order of their keys, grown batch by batch: each new batch is sorted on its
/// own and merged in (O(n) per merge, comparisons only where runs interleave), so the scanner can
/// keep a sorted order of a million keys without re-sorting everything for every snapshot.
struct SortedKeyOrder: Sendable {
    private(set) var ids: [UInt32] = []
    private var pending: [UInt32] = []

    var pendingCount: Int { pending.count }

    /// Renumbers every id by `newIDs` (old id → new id, `UInt32.max` for a key dropped), keeping
    /// the order: an index rebuilt from a subset of its keys keeps their byte order.
    mutating func renumber(_ newIDs: [UInt32]) {
        ids = ids.compactMap { newIDs[Int($0)] == .max ? nil : newIDs[Int($0)] }
        pending = pending.compactMap { newIDs[Int($0)] == .max ? nil : newIDs[Int($0)] }
    }

    /// Queues ids to merge at the next `merge(using:)`.
    mutating func append(_ newIDs: some Sequence<UInt32>) {
        pending.append(contentsOf: newIDs)
    }

    /// Sorts the queued ids and merges them into the ordered list.
    mutating func merge(using index: KeyIndex) {
        guard !pending.isEmpty else { return }
        pending.sort { index.compare(Int($0), Int($1)) < 0 }
        defer { pending.removeAll(keepingCapacity: true) }
        if ids.isEmpty {
            ids = pending
            return
        }
        // Appending past the end is common (SCAN order is random, but a batch sorted within
        // itself often lands in one run); the general case is a linear merge.
        var merged: [UInt32] = []
        merged.reserveCapacity(ids.count + pending.count)
        var i = 0
        var j = 0
        while i < ids.count && j < pending.count {
            if index.compare(Int(pending[j]), Int(ids[i])) < 0 {
                merged.append(pending[j])
                j += 1
            } else {
                merged.append(ids[i])
                i += 1
            }
        }
        if i < ids.count { merged.append(contentsOf: ids[i...]) }
        if j < pending.count { merged.append(contentsOf: pending[j...]) }
        ids = merged
    }
}
