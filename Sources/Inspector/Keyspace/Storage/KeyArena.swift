/// The bytes of every indexed key, appended end to end in chunks of 1 MiB that copies share (a
/// key never straddles two; a key longer than a chunk gets one of its own). A key's address is
/// its chunk number times 2^20 plus its offset in the chunk, so 32 bits address 4,096 chunks. The
/// bytes of a stored key never change, so a snapshot of the index shares every chunk, and the
/// scanner appending after it copies at most the last, partly filled one.
struct KeyArena: Sendable {
    static let chunkShift = 20
    static let chunkBytes = 1 << chunkShift
    /// Chunks a 32-bit address can name.
    static let maxChunks = 1 << (32 - chunkShift)

    private var chunks: [ArenaChunk] = []

    init() {}

    /// Bytes held (the chunks' capacity), for the index's budget.
    var footprintBytes: Int { chunks.reduce(0) { $0 + $1.bytes.capacity } }

    /// Stores `key` and returns its address; nil when the address space (4 GiB) is used up.
    mutating func append(_ key: UnsafeRawBufferPointer) -> UInt32? {
        if let last = chunks.indices.last, chunks[last].bytes.count + key.count <= Self.chunkBytes {
            if !isKnownUniquelyReferenced(&chunks[last]) { chunks[last] = chunks[last].copy() }
            let offset = chunks[last].bytes.count
            chunks[last].bytes.append(contentsOf: key)
            return UInt32(last << Self.chunkShift | offset)
        }
        // The first chunk starts small (an index of a few keys stays small) and grows; later ones
        // are made whole.
        guard chunks.count < Self.maxChunks else { return nil }
        let chunk = ArenaChunk(capacity: Swift.max(key.count, chunks.isEmpty ? 4096 : Self.chunkBytes))
        chunk.bytes.append(contentsOf: key)
        chunks.append(chunk)
        return UInt32((chunks.count - 1) << Self.chunkShift)
    }

    /// Calls `body` with the `length` bytes stored at `address`, in place.
    func withBytes<R>(at address: UInt32, length: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let chunk = Int(address) >> Self.chunkShift
        let offset = Int(address) & (Self.chunkBytes - 1)
        return try chunks[chunk].bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + length])) }
    }
}

/// One chunk of a ``KeyArena``; mutated only while uniquely referenced.
final class ArenaChunk: @unchecked Sendable {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    func copy() -> ArenaChunk {
        let copy = ArenaChunk(capacity: Swift.max(bytes.capacity, bytes.count))
        copy.bytes.append(contentsOf: bytes)
        return copy
    }
}
