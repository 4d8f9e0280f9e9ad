/// The compact in-memory index of a node's keys: every key's bytes live in one arena, and each key
/// costs a handful of fixed-width columns (offset, length, type byte, deadline, memory) plus one
/// `UInt32` hash slot, never a `String` or `[UInt8]` object of its own. About 25 bytes a key plus
/// the key bytes.
///
/// A value type: the scanner mutates its own copy and hands snapshots out; copy-on-write makes a
/// snapshot O(1) to hand over.
public struct KeyIndex: Sendable {
    // Column storage ("struct of arrays"), indexed by `KeyID.rawValue`.
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [UInt32] = []
    private(set) var lengths: [UInt32] = []
    private(set) var types: [UInt8] = []
    private(set) var deadlines: [Int64] = []
    private(set) var memory: [UInt32] = []
    /// Open addressing with linear probing; 0 is empty, otherwise `id + 1`. Power-of-two size.
    private var slots: [UInt32] = Array(repeating: 0, count: 1024)

    /// Keys that exist (tombstones excluded).
    public private(set) var liveCount = 0

    /// Set when the arena reached its 4 GiB addressing limit and further keys were dropped.
    public private(set) var isTruncated = false

    public init() {}

    /// Every id ever assigned, tombstones included.
    public var idCount: Int { offsets.count }

    /// Bytes held by the index (arena, columns, hash table) — what it costs in RAM.
    public var footprintBytes: Int {
        arena.capacity + offsets.capacity * 4 + lengths.capacity * 4 + types.capacity
            + deadlines.capacity * 8 + memory.capacity * 4 + slots.capacity * 4
    }

    /// Reserves room for `keys` keys of about `averageKeyLength` bytes (e.g. from `DBSIZE`).
    public mutating func reserveCapacity(keys: Int, averageKeyLength: Int = 24) {
        arena.reserveCapacity(keys * averageKeyLength)
        offsets.reserveCapacity(keys)
        lengths.reserveCapacity(keys)
        types.reserveCapacity(keys)
        deadlines.reserveCapacity(keys)
        memory.reserveCapacity(keys)
        var size = slots.count
        while size < keys * 2 { size *= 2 }
        if size != slots.count { rehash(to: size) }
    }

    // MARK: lookup

    /// The id of `key`, if indexed (tombstones included).
    public func find(_ key: some Collection<UInt8>) -> KeyID? {
        withBytes(of: key) { find(buffer: $0) }
    }

    /// The id of the key whose bytes are `key`, if indexed.
    public func find(buffer key: UnsafeRawBufferPointer) -> KeyID? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        return arena.withUnsafeBytes { arenaBytes in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let id = Int(entry - 1)
                if equal(id, key, arenaBytes) { return KeyID(rawValue: entry - 1) }
                slot = (slot + 1) & mask
            }
        }
    }

    // MARK: columns

    /// The key's bytes (a copy, for commands and display).
    public func key(_ id: KeyID) -> [UInt8] {
        let start = Int(offsets[id.index])
        return Array(arena[start..<start + Int(lengths[id.index])])
    }

    /// Calls `body` with the key's bytes in place (no copy).
    public func withKeyBytes<R>(_ id: KeyID, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = Int(offsets[id.index])
        let length = Int(lengths[id.index])
        return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<start + length])) }
    }

    public func type(_ id: KeyID) -> RedisKeyType { RedisKeyType(rawValue: types[id.index]) ?? .other }
    public func ttl(_ id: KeyID) -> KeyTTL { KeyTTL(stored: deadlines[id.index]) }
    /// Bytes reported by `MEMORY USAGE` (0 until looked up; saturates at 4 GiB).
    public func memoryUsage(_ id: KeyID) -> UInt64 { UInt64(memory[id.index]) }
    public func isLive(_ id: KeyID) -> Bool { types[id.index] != RedisKeyType.gone.rawValue }

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
        if let existing = find(buffer: key) {
            if !isLive(existing) {
                types[existing.index] = RedisKeyType.unknown.rawValue
                deadlines[existing.index] = KeyTTL.unknown.stored
                memory[existing.index] = 0
                liveCount += 1
            }
            return (existing, false)
        }
        guard arena.count + key.count <= Int(UInt32.max), offsets.count < Int(UInt32.max) - 1 else {
            isTruncated = true
            return nil
        }
        if (offsets.count + 1) * 4 > slots.count * 3 { rehash(to: slots.count * 2) }  // load ≤ 0.75
        let id = UInt32(offsets.count)
        offsets.append(UInt32(arena.count))
        lengths.append(UInt32(key.count))
        arena.append(contentsOf: key)
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
    private func equal(_ id: Int, _ key: UnsafeRawBufferPointer, _ arenaBytes: UnsafeRawBufferPointer) -> Bool {
        let length = Int(lengths[id])
        guard length == key.count else { return false }
        if length == 0 { return true }
        return memcmpBytes(arenaBytes.baseAddress! + Int(offsets[id]), key.baseAddress!, length) == 0
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
        arena.withUnsafeBytes { bytes in
            for id in 0..<offsets.count {
                let start = Int(offsets[id])
                let h = Self.hash(UnsafeRawBufferPointer(rebasing: bytes[start..<start + Int(lengths[id])]))
                var slot = Int(truncatingIfNeeded: h) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = UInt32(id) + 1
            }
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
    func compare(_ a: Int, _ b: Int, _ arenaBytes: UnsafeRawBufferPointer) -> Int32 {
        let la = Int(lengths[a])
        let lb = Int(lengths[b])
        let n = Swift.min(la, lb)
        if n > 0 {
            let c = memcmpBytes(arenaBytes.baseAddress! + Int(offsets[a]), arenaBytes.baseAddress! + Int(offsets[b]), n)
            if c != 0 { return c }
        }
        return la < lb ? -1 : (la > lb ? 1 : 0)
    }
}
