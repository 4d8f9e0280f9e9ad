/// The running sums a ``KeyspaceView`` answers range totals from: memory, memory², keys without
/// TTL and keys looked up, kept every 64 positions of the view's order instead of at every one.
/// A range's totals are the difference of two checkpoints plus at most 63 keys read from the
/// index at each end, so a folder's figures stay O(1)-ish while a view costs under a byte a key
/// instead of 24.
struct KeyspaceViewSums: Sendable {
    static let stride = 64

    /// Totals over a run of keys.
    struct Totals: Sendable {
        var memory: UInt64 = 0
        var memorySquares: Double = 0
        var persistent: Int = 0
        var lookedUp: Int = 0

        mutating func add(_ attributes: (type: UInt8, deadline: Int64, memory: UInt32)) {
            let bytes = UInt64(attributes.memory)
            memory += bytes
            memorySquares += Double(bytes) * Double(bytes)
            if attributes.deadline == KeyTTL.persistent.stored { persistent += 1 }
            if attributes.type != RedisKeyType.unknown.rawValue { lookedUp += 1 }
        }

        static func - (a: Totals, b: Totals) -> Totals {
            Totals(memory: a.memory - b.memory, memorySquares: a.memorySquares - b.memorySquares, persistent: a.persistent - b.persistent, lookedUp: a.lookedUp - b.lookedUp)
        }

        static func + (a: Totals, b: Totals) -> Totals {
            Totals(memory: a.memory + b.memory, memorySquares: a.memorySquares + b.memorySquares, persistent: a.persistent + b.persistent, lookedUp: a.lookedUp + b.lookedUp)
        }
    }

    /// `checkpoints[k]` = totals of positions `0..<k * stride` (the whole view's are `running`).
    private var checkpoints: [Totals] = [Totals()]
    private var running = Totals()
    private var counted = 0

    /// Adds the next position's key.
    mutating func append(_ attributes: (type: UInt8, deadline: Int64, memory: UInt32)) {
        running.add(attributes)
        counted += 1
        if counted % Self.stride == 0 { checkpoints.append(running) }
    }

    /// The totals of every position appended.
    var total: Totals { running }

    /// The totals of positions `range` of `order`, reading the keys between checkpoints in `index`.
    func totals(of range: Range<Int>, order: [UInt32], index: KeyIndex) -> Totals {
        prefix(range.upperBound, order: order, index: index) - prefix(range.lowerBound, order: order, index: index)
    }

    /// Totals of positions `0..<end`: the nearest checkpoint, then the keys after it (or before
    /// the next one, whichever is closer, subtracted).
    private func prefix(_ end: Int, order: [UInt32], index: KeyIndex) -> Totals {
        if end == counted { return running }
        let below = end / Self.stride
        var sum = Totals()
        if end - below * Self.stride <= Self.stride / 2 || below + 1 >= checkpoints.count {
            for position in below * Self.stride..<end { sum.add(index.rawAttributes(Int(order[position]))) }
            return checkpoints[below] + sum
        }
        for position in end..<(below + 1) * Self.stride { sum.add(index.rawAttributes(Int(order[position]))) }
        return checkpoints[below + 1] - sum
    }
}
