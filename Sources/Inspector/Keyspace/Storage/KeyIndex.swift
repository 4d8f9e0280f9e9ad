/// The compact in-memory index of a node's keys: every key's bytes live in one arena, and each key
/// costs a handful of fixed-width columns (address, length, type byte, deadline, memory) plus one
/// `UInt32` hash slot, never a `String` or `[UInt8]` object of its own. About 25 bytes a key plus
/// the key bytes.
///
/// A value type: the scanner mutates its own copy and hands snapshots out. The arena and the
/// columns are chunked and copied on write a chunk at a time, so a snapshot is O(1) to hand over
/// and the scanner writing on after it copies only the chunks it touches: a snapshot costs memory
/// for what changed since, not for the whole index.
public struct KeyIndex: Sendable {
    // Column storage ("struct of arrays"), indexed by `KeyID.rawValue`.
    private var arena = KeyArena()
    private var addresses = ChunkedColumn<UInt32>()
    private var lengths = ChunkedColumn<UInt32>()
    private var types = ChunkedColumn<UInt8>()
    private var deadlines = ChunkedColumn<Int64>()
    private var memory = ChunkedColumn<UInt32>()
    /// Open addressing with linear probing; 0 is empty, otherwise `id + 1`. Power-of-two size.
    /// Empty in a ``snapshot()``, which has no need to find keys by name.
    private var slots: [UInt32] = Array(repeating: 0, count: 1024)

    /// Keys that exist (tombstones excluded).
    public private(set) var liveCount = 0

    /// Set when the arena reached its 4 GiB addressing limit and further keys were dropped.
    public private(set) var isTruncated = false

    public init() {}

    /// Every id ever assigned, tombstones included.
    public var idCount: Int { addresses.count }

    /// Bytes held by the index (arena, columns, hash table) — what it costs in RAM.
    public var footprintBytes: Int {
        arena.footprintBytes + addresses.footprintBytes + lengths.footprintBytes + types.footprintBytes
            + deadlines.footprintBytes + memory.footprintBytes + slots.capacity * 4
    }

    /// The same keys without the hash table that finds them by name (``find(_:)`` then searches
    /// key by key): what a published view holds, so the scanner inserting on after it does not
    /// copy the table.
    public func snapshot() -> KeyIndex {
        var copy = self
        copy.slots = []
        return copy
    }

    /// Reserves room for `keys` keys (e.g. from `DBSIZE`).
    public mutating func reserveCapacity(keys: Int, averageKeyLength: Int = 24) {
        addresses.reserveCapacity(keys)
        lengths.reserveCapacity(keys)
        types.reserveCapacity(keys)
        deadlines.reserveCapacity(keys)
        memory.reserveCapacity(keys)
        let size = Swift.max(slots.count, Self.tableSize(for: keys * 3 / 2))
        if size != slots.count { rehash(to: size) }
    }

    // MARK: lookup

    /// The id of `key`, if indexed (tombstones included).
    public func find(_ key: some Collection<UInt8>) -> KeyID? {
        withBytes(of: key) { find(buffer: $0) }
    }

    /// The id of the key whose bytes are `key`, if indexed.
    public func find(buffer key: UnsafeRawBufferPointer) -> KeyID? {
        guard !slots.isEmpty else {
            return (0..<UInt32(idCount)).lazy.map(KeyID.init(rawValue:)).first { equal(Int($0.rawValue), key) }
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if equal(id, key) { return KeyID(rawValue: entry - 1) }
            slot = (slot + 1) & mask
        }
    }

    // MARK: columns

    /// The key's bytes (a copy, for commands and display).
    public func key(_ id: KeyID) -> [UInt8] {
        withKeyBytes(id) { Array($0) }
    }

    /// Calls `body` with the key's bytes in place (no copy).
    public func withKeyBytes<R>(_ id: KeyID, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withKeyBytes(id.index, body)
    }

    func withKeyBytes<R>(_ id: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try arena.withBytes(at: addresses[id], length: Int(lengths[id]), body)
    }

    public func type(_ id: KeyID) -> RedisKeyType { RedisKeyType(rawValue: types[id.index]) ?? .other }
    public func ttl(_ id: KeyID) -> KeyTTL { KeyTTL(stored: deadlines[id.index]) }
    /// Bytes reported by `MEMORY USAGE` (0 until looked up; saturates at 4 GiB).
    public func memoryUsage(_ id: KeyID) -> UInt64 { UInt64(memory[id.index]) }
    public func isLive(_ id: KeyID) -> Bool { types[id.index] != RedisKeyType.gone.rawValue }
    /// The stored type byte, deadline (`KeyTTL.stored`) and memory of id `id`, for scans over
    /// every key.
    func rawAttributes(_ id: Int) -> (type: UInt8, deadline: Int64, memory: UInt32) { (types[id], deadlines[id], memory[id]) }

    /// The whole entry, materialised for display.
    public func entry(_ id: KeyID) -> KeyEntry {
        KeyEntry(id: id, key: key(id), type: type(id), ttl: ttl(id), memory: memoryUsage(id))
    }

    // MARK: mutation

    /// Adds `key` unless it is already indexed (SCAN may return a key twice). A tombstoned key is
    /// revived with unknown attributes.
    /// - Returns: the key's id and whether it was new.
    @discardableResult
    public mutating func insert(_ key: some Collection<UInt8>) -> (id: KeyID, inserted: Bool)? {
        let copy = Array(key)
        return copy.withUnsafeBytes { insert(buffer: $0) }
    }

    /// Adds the key whose bytes are `key` (no copy until stored in the arena).
    /// - Returns: nil only when the index is full (4 GiB arena or 4 G keys).
    @discardableResult
    public mutating func insert(buffer key: UnsafeRawBufferPointer) -> (id: KeyID, inserted: Bool)? {
        if slots.isEmpty { rehash(to: Self.tableSize(for: idCount + 1)) }  // a snapshot written to
        if let existing = find(buffer: key) {
            if !isLive(existing) {
                types[existing.index] = RedisKeyType.unknown.rawValue
                deadlines[existing.index] = KeyTTL.unknown.stored
                memory[existing.index] = 0
                liveCount += 1
            }
            return (existing, false)
        }
        guard addresses.count < Int(UInt32.max) - 1, let address = arena.append(key) else {
            isTruncated = true
            return nil
        }
        if (addresses.count + 1) * 4 > slots.count * 3 { rehash(to: slots.count * 2) }  // load ≤ 0.75
        let id = UInt32(addresses.count)
        addresses.append(address)
        lengths.append(UInt32(key.count))
        types.append(RedisKeyType.unknown.rawValue)
        deadlines.append(KeyTTL.unknown.stored)
        memory.append(0)
        place(id, hash: Self.hash(key))
        liveCount += 1
        return (KeyID(rawValue: id), true)
    }

    /// Records what `TYPE`, `PTTL` and `MEMORY USAGE` said about a key. `type == .gone` tombstones it.
    public mutating func update(_ id: KeyID, type: RedisKeyType, ttl: KeyTTL, memory bytes: UInt64) {
        let wasLive = isLive(id)
        types[id.index] = type.rawValue
        deadlines[id.index] = ttl.stored
        memory[id.index] = UInt32(clamping: bytes)
        if wasLive && type == .gone { liveCount -= 1 }
        if !wasLive && type != .gone { liveCount += 1 }
    }

    /// Marks a key as vanished; its id stays reserved.
    public mutating func remove(_ id: KeyID) {
        update(id, type: .gone, ttl: .unknown, memory: 0)
    }

    // MARK: hashing

    /// Compares a stored key with `key` byte for byte.
    private func equal(_ id: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let length = Int(lengths[id])
        guard length == key.count else { return false }
        if length == 0 { return true }
        return withKeyBytes(id) { memcmpBytes($0.baseAddress!, key.baseAddress!, length) == 0 }
    }

    /// The hash table's size for `keys` keys: a power of two, at least 1,024, load at most 0.75.
    private static func tableSize(for keys: Int) -> Int {
        var size = 1024
        while keys * 4 > size * 3 { size *= 2 }
        return size
    }

    private mutating func place(_ id: UInt32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = id + 1
    }

    private mutating func rehash(to size: Int) {
        var table = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for id in 0..<addresses.count {
            let h = withKeyBytes(id) { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: h) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = UInt32(id) + 1
        }
        slots = table
    }

    /// A fast 64-bit hash over 8-byte words (multiply-xorshift); not cryptographic, only for buckets.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }

    private func withBytes<R>(of key: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let r = key.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return r }
        return Array(key).withUnsafeBytes(body)
    }
}

extension KeyIndex {
    /// Three-way comparison of two indexed keys, bytes unsigned, shorter-is-smaller on a tie.
    func compare(_ a: Int, _ b: Int) -> Int32 {
        withKeyBytes(a) { x in
            withKeyBytes(b) { y in
                let n = Swift.min(x.count, y.count)
                if n > 0 {
                    let c = memcmpBytes(x.baseAddress!, y.baseAddress!, n)
                    if c != 0 { return c }
                }
                return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
            }
        }
    }
}
