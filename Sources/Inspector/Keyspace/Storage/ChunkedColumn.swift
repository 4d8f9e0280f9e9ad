/// A growable column of fixed-width values kept in chunks of 131,072 that copies of the column
/// share: writing to a copy duplicates only the chunk written (copy-on-write per chunk, not per
/// column). The keyspace index is one of these per attribute, so a snapshot handed to the UI
/// costs nothing, and the scanner writing on after it copies only the few chunks it touches
/// (the newest keys and their lookups) instead of every column of a million keys.
///
/// A chunk is at least 128 KiB, the size from which the allocator maps blocks of their own
/// (`LargeAllocations`): a chunk freed goes back to the system at once instead of fragmenting
/// the heap, so RSS follows what the index holds. The first chunk starts small and grows, so a
/// small index stays small.
struct ChunkedColumn<Element: Sendable>: Sendable {
    static var chunkShift: Int { 17 }
    static var chunkSize: Int { 1 << chunkShift }
    private static var mask: Int { chunkSize - 1 }

    private var chunks: [ColumnChunk<Element>] = []
    /// Values stored.
    private(set) var count = 0

    init() {}

    /// Bytes the column holds (its chunks' capacity), for the index's budget.
    var footprintBytes: Int { chunks.reduce(0) { $0 + $1.values.capacity } * MemoryLayout<Element>.stride }

    subscript(position: Int) -> Element {
        get { chunks[position >> Self.chunkShift].values[position & Self.mask] }
        set {
            let chunk = position >> Self.chunkShift
            ensureUnique(chunk)
            chunks[chunk].values[position & Self.mask] = newValue
        }
    }

    mutating func append(_ value: Element) {
        if count & Self.mask == 0 {
            chunks.append(ColumnChunk(reserving: chunks.isEmpty ? 1024 : Self.chunkSize))
        } else {
            ensureUnique(chunks.count - 1)
        }
        chunks[chunks.count - 1].values.append(value)
        count += 1
    }

    /// Room for `count` values in the chunk directory (the chunks themselves are made as needed).
    mutating func reserveCapacity(_ count: Int) {
        chunks.reserveCapacity((count + Self.mask) >> Self.chunkShift)
    }

    /// Copies chunk `index` first when another copy of the column shares it.
    private mutating func ensureUnique(_ index: Int) {
        if !isKnownUniquelyReferenced(&chunks[index]) { chunks[index] = chunks[index].copy() }
    }
}

/// One chunk of a ``ChunkedColumn``. Mutated only while uniquely referenced (the column checks),
/// so sharing it across threads is safe as for any copy-on-write buffer.
final class ColumnChunk<Element: Sendable>: @unchecked Sendable {
    var values: [Element]

    init(reserving capacity: Int) {
        values = []
        values.reserveCapacity(capacity)
    }

    func copy() -> ColumnChunk {
        let copy = ColumnChunk(reserving: values.capacity)
        copy.values.append(contentsOf: values)
        return copy
    }
}
