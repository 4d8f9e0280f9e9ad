// Reads the cursors one node's SCAN returns as the share of its keyspace visited.

/// Progress by the cursor for one node, as a pure function of the cursor its `SCAN` returned.
///
/// - One table: the bit-reversed cursor over 2^64 (see ``ScanCursorLayout``). Keys seen / DBSIZE
///   would drift under expiry, eviction and rehashing; the cursor does not.
/// - One table per slot: the slots before the cursor's slot are done, and the cursor's slot is
///   done by its table cursor's reverse-binary share. Slots weigh what they held when probed
///   (equal weights when every slot was empty), so a slot full of hash-tagged keys counts for them.
///
///     let progress = NodeScanProgress(shape: shape)       // from ScanShapeProbe.node(connection)
///     var cursor: [UInt8] = Array("0".utf8)
///     repeat {
///         cursor = try await scan(cursor)                  // SCAN cursor COUNT n
///         bar.value = progress.visitedFraction(afterReturning: cursor) ?? bar.value
///     } while cursor != Array("0".utf8)                    // 1 once "0" comes back
public struct NodeScanProgress: Sendable, Hashable {
    /// The node's shape.
    public let shape: NodeScanShape
    /// Weight of the served slots before slot `shape.slots[i]` (prefix sums), and the total.
    private let before: [Double]
    private let weights: [Double]
    private let total: Double

    public init(shape: NodeScanShape) {
        self.shape = shape
        var weights = shape.slots.indices.map { shape.keysPerSlot.indices.contains($0) ? Double(max(0, shape.keysPerSlot[$0])) : 0 }
        if weights.reduce(0, +) == 0 { weights = Array(repeating: 1, count: shape.slots.count) }
        var before: [Double] = []
        before.reserveCapacity(weights.count)
        var sum = 0.0
        for w in weights {
            before.append(sum)
            sum += w
        }
        self.weights = weights
        self.before = before
        self.total = sum
    }

    /// The share of the node's keyspace visited once `SCAN` has returned `cursor`, 0…1; nil when
    /// the text is not a cursor. A returned `0` is the end of the walk: 1.
    public func visitedFraction(afterReturning cursor: some Collection<UInt8>) -> Double? {
        ScanCursorLayout.parse(cursor).map { visitedFraction(afterReturning: $0) }
    }

    /// Same as ``visitedFraction(afterReturning:)-(Collection<UInt8>)`` for a parsed cursor.
    public func visitedFraction(afterReturning cursor: UInt64) -> Double {
        if cursor == 0 { return 1 }
        return fraction(at: cursor)
    }

    /// The share behind `cursor` read as a position (a cursor about to be sent: `0` is the start).
    public func fraction(at cursor: UInt64) -> Double {
        switch shape.layout {
        case .singleTable:
            return ScanCursorLayout.reverseBinaryFraction(cursor)
        case .tablePerSlot:
            guard total > 0 else { return ScanCursorLayout.reverseBinaryFraction(cursor) }
            let (slot, tableCursor) = shape.layout.split(cursor)
            let i = Self.firstIndex(notBelow: slot, in: shape.slots)
            guard i < shape.slots.count else { return 1 }
            // A cursor in a slot this node does not serve (moved away since the probe) starts the next served one.
            let within = shape.slots[i] == slot ? ScanCursorLayout.reverseBinaryFraction(tableCursor) : 0
            return min(1, (before[i] + weights[i] * within) / total)
        }
    }

    /// The first index of `sorted` whose value is ≥ `value` (binary search).
    static func firstIndex(notBelow value: Int, in sorted: [Int]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
