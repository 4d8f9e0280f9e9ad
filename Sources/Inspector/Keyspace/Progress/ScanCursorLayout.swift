// How a node's SCAN cursor is laid out, and how far through the node's keys a cursor is.

/// The layout of the cursor a node's `SCAN` returns, which decides how a cursor reads as progress.
///
/// Redis and Valkey walk a hash table in reverse-binary order: the cursor is a bucket index whose
/// bits are incremented from the top, so the bit-reversed cursor divided by 2^64 is the share of
/// the hash space already visited, whatever the table's size and across resizes. Keys land in
/// buckets by a seeded hash of their name, so that share is also the chance that any one key has
/// been returned. In cluster mode, Redis 7.4+/8 and Valkey 8 keep one table per hash slot and walk
/// the slots in order; the cursor then carries the slot in its low 14 bits and the slot table's
/// own reverse-binary cursor above them (`(tableCursor << 14) | slot`). Redis 7.0 keeps one table
/// in cluster mode too.
public enum ScanCursorLayout: Sendable, Hashable, CustomStringConvertible {
    /// One table: the whole cursor is a reverse-binary bucket index (standalone, Redis 7.0 cluster).
    case singleTable
    /// One table per slot: the low `slotBits` bits are the slot, the rest that slot's table cursor.
    case tablePerSlot(slotBits: Int)

    /// The per-slot layout of Redis 7.4+/8 and Valkey 8 cluster nodes (16384 slots, 14 bits).
    public static let clusterSlots = ScanCursorLayout.tablePerSlot(slotBits: 14)

    /// The share of a single table's hash space a reverse-binary cursor has left behind, 0…1
    /// (`0` is read as the start; callers treat a returned `0` as the end).
    public static func reverseBinaryFraction(_ cursor: UInt64) -> Double {
        Double(reversedBits(cursor)) / 18_446_744_073_709_551_616.0
    }

    /// `value` with its 64 bits in reverse order.
    public static func reversedBits(_ value: UInt64) -> UInt64 {
        var v = value
        v = ((v >> 1) & 0x5555_5555_5555_5555) | ((v & 0x5555_5555_5555_5555) << 1)
        v = ((v >> 2) & 0x3333_3333_3333_3333) | ((v & 0x3333_3333_3333_3333) << 2)
        v = ((v >> 4) & 0x0F0F_0F0F_0F0F_0F0F) | ((v & 0x0F0F_0F0F_0F0F_0F0F) << 4)
        return v.byteSwapped
    }

    /// The slot and the slot table's cursor in `cursor` (slot 0 and the whole cursor for one table).
    public func split(_ cursor: UInt64) -> (slot: Int, tableCursor: UInt64) {
        switch self {
        case .singleTable: return (0, cursor)
        case .tablePerSlot(let bits):
            return (Int(cursor & ((1 << UInt64(bits)) - 1)), cursor >> UInt64(bits))
        }
    }

    /// The cursor that starts (or resumes, with `tableCursor`) the walk at `slot`; per-slot only.
    public func cursor(slot: Int, tableCursor: UInt64 = 0) -> UInt64 {
        switch self {
        case .singleTable: return tableCursor
        case .tablePerSlot(let bits): return (tableCursor << UInt64(bits)) | UInt64(slot)
        }
    }

    /// Parses a cursor as the server sends it (decimal text).
    public static func parse(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(byte - 0x30))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }

    public var description: String {
        switch self {
        case .singleTable: "one table"
        case .tablePerSlot(let bits): "one table per slot (\(bits) slot bits)"
        }
    }
}
