// The pure state machine of a sampling walk: which SCANs to send next, and what their replies add to the sample.
import RedisClient

/// Plans a walk whose keys, at whatever moment it stops, are a sample with a known design.
///
/// - One table (standalone, Redis 7.0 cluster): the ordinary cursor walk. Wherever it stops, the
///   keys returned are a Bernoulli sample with probability = the share behind the cursor.
/// - One table per slot (Redis 7.4+/8, Valkey 8 in cluster mode): walking slots in order would
///   see only the first slots, and keys with one hash tag share a slot. Instead the non-empty
///   slots are visited in a seeded random order: a cursor naming a slot (`tableCursor << 14 |
///   slot`) starts the server's walk there, `COUNT` ≈ the slot's keys finishes it in about one
///   call, and several slots go in one pipeline. Keys of another slot (a call that ran on into the
///   next) are dropped; only finished slots count.
///
///   Slots are two strata. Hashing spreads untagged keys evenly (a slot holds about the mean, in
///   Poisson fashion), so a slot far above the mean (``largeSlotThreshold(mean:)``) holds
///   hash-tagged keys; such slots are walked first, all of them if time allows (then their keys are
///   counted, not estimated), and the regular slots after them. At any stop each stratum is a
///   simple random sample of its slots, each slot complete.
///
///     var walk = SampleWalk(shape: shape, seed: 42)
///     while !walk.isFinished && Date() < deadline {
///         let scans = walk.nextScans()
///         let replies = try await connection.pipeline(scans.map { $0.command })
///         for (scan, reply) in zip(scans, replies) { keys += walk.record(scan, cursor: …, keys: …) }
///     }
///     let strata = walk.strata      // keep the keys whose slot is in walk.finishedSlots
public struct SampleWalk: Sendable {
    /// One `SCAN` to send.
    public struct Scan: Sendable, Hashable {
        /// The cursor to send.
        public var cursor: UInt64
        /// `COUNT`.
        public var count: Int
        /// The slot this scan walks (per-slot layout), nil for one table.
        public var slot: Int?

        /// `SCAN cursor COUNT count`.
        public var command: RedisCommand { RedisCommand("SCAN", String(cursor), "COUNT", count) }
    }

    /// The node's shape.
    public let shape: NodeScanShape
    /// The most keys asked of one `SCAN` (bounds the server time of a call).
    public let maxCount: Int
    /// Slots walked at once (one pipeline).
    public let slotsAtOnce: Int

    /// Slots still to start, in the drawn order (last is next).
    private var pending: [Int] = []
    /// Slots under way → their table cursor.
    private var active: [Int: UInt64] = [:]
    /// Keys per slot when probed.
    private var expected: [Int: Int] = [:]
    /// One stratum of the walk: its design so far, and its share of the keys.
    public struct Stratum: Sendable, Hashable {
        /// `""`, or `"large slots"` for the slots holding hash-tagged keys.
        public var name: String
        public var design: SampleDesign
        /// Share of the stratum's probed keys in its finished slots (the cursor's share for one table).
        public var visitedFraction: Double
        /// Keys the stratum held when probed (nil for one table: `DBSIZE` is the population).
        public var probedKeys: Int?
    }

    /// Slots walked to their end.
    public private(set) var finishedSlots: Set<Int> = []
    /// Slots above ``largeSlotThreshold(mean:)`` when the walk started.
    public let largeSlots: Set<Int>
    /// Non-empty slots when the walk started, large and regular.
    private let slotTotals: (large: Int, regular: Int)
    private let probedKeys: (large: Int, regular: Int)
    private var finishedCounts = (large: 0, regular: 0)
    private var finishedKeys = (large: 0, regular: 0)
    /// One table: the cursor to send next, and whether it came back 0.
    private var cursor: UInt64 = 0
    private var tableDone = false
    private var tableFraction = 0.0
    private let progress: NodeScanProgress

    /// - Parameters:
    ///   - shape: the node's probed shape.
    ///   - seed: draws the slot order (the same seed walks the same order).
    ///   - maxCount: the most keys one `SCAN` asks for.
    ///   - slotsAtOnce: slots in one pipeline.
    public init(shape: NodeScanShape, seed: UInt64, maxCount: Int = 1000, slotsAtOnce: Int = 32) {
        self.shape = shape
        self.maxCount = max(1, maxCount)
        self.slotsAtOnce = max(1, slotsAtOnce)
        self.progress = NodeScanProgress(shape: shape)
        var large: [Int] = []
        var regular: [Int] = []
        var keys = (large: 0, regular: 0)
        if case .tablePerSlot = shape.layout {
            let filled = zip(shape.slots, shape.keysPerSlot).filter { $0.1 > 0 }
            let mean = Double(filled.reduce(0) { $0 + $1.1 }) / Double(max(1, filled.count))
            let threshold = Self.largeSlotThreshold(mean: mean)
            for (slot, count) in filled {
                expected[slot] = count
                if Double(count) > threshold {
                    large.append(slot)
                    keys.large += count
                } else {
                    regular.append(slot)
                    keys.regular += count
                }
            }
            var random = SplitMix64(seed: seed)
            large.shuffle(using: &random)
            regular.shuffle(using: &random)
        }
        // Taken from the end: the large slots first.
        pending = regular + large
        largeSlots = Set(large)
        slotTotals = (large.count, regular.count)
        probedKeys = keys
    }

    /// Keys above which a slot is large: 5 + mean + 5·√mean. Untagged keys fall in slots like
    /// Poisson counts of that mean, which exceed it with a chance far below one in a million.
    public static func largeSlotThreshold(mean: Double) -> Double {
        5 + mean + 5 * mean.squareRoot()
    }

    /// Whether the layout is walked slot by slot.
    public var walksSlots: Bool {
        if case .tablePerSlot = shape.layout { return true }
        return false
    }

    /// Whether there is nothing left to walk.
    public var isFinished: Bool { walksSlots ? pending.isEmpty && active.isEmpty : tableDone }

    /// The next `SCAN`s to send (one pipeline): the table's next cursor, or the slots under way
    /// topped up to `slotsAtOnce` from the drawn order.
    public mutating func nextScans(count: Int? = nil) -> [Scan] {
        guard walksSlots else {
            return tableDone ? [] : [Scan(cursor: cursor, count: min(maxCount, count ?? maxCount), slot: nil)]
        }
        while active.count < slotsAtOnce, let slot = pending.popLast() { active[slot] = 0 }
        return active.sorted { $0.key < $1.key }.map { slot, tableCursor in
            // A little over the slot's keys: the call ends at the slot's end without running far on.
            let want = (expected[slot] ?? 0) + 8
            return Scan(cursor: shape.layout.cursor(slot: slot, tableCursor: tableCursor), count: min(maxCount, want), slot: slot)
        }
    }

    /// Records a `SCAN` reply.
    /// - Returns: the keys that join the sample (pending their slot's end under slot sampling).
    public mutating func record(_ scan: Scan, returned next: UInt64, keys: [[UInt8]]) -> [[UInt8]] {
        guard let slot = scan.slot else {
            cursor = next
            if next == 0 { tableDone = true; tableFraction = 1 } else { tableFraction = progress.fraction(at: next) }
            return keys
        }
        let (nextSlot, tableCursor) = shape.layout.split(next)
        if next != 0, nextSlot == slot, tableCursor != 0 {
            active[slot] = tableCursor
        } else {
            active[slot] = nil
            if finishedSlots.insert(slot).inserted {
                if largeSlots.contains(slot) {
                    finishedCounts.large += 1
                    finishedKeys.large += expected[slot] ?? 0
                } else {
                    finishedCounts.regular += 1
                    finishedKeys.regular += expected[slot] ?? 0
                }
            }
        }
        return keys.filter { HashSlot.of($0) == slot }
    }

    /// The strata of the keys gathered so far and their designs (only finished slots' keys count
    /// under slot sampling): one for one table; large then regular slots otherwise, each present
    /// only when it has slots.
    public var strata: [Stratum] {
        guard walksSlots else {
            return [Stratum(name: "", design: isFinished ? .complete : .bernoulli(fraction: tableFraction), visitedFraction: tableFraction, probedKeys: nil)]
        }
        func stratum(_ name: String, _ n: Int, _ total: Int, _ done: Int, _ keys: Int) -> Stratum {
            Stratum(name: name, design: n >= total ? .complete : .slots(sampled: n, total: total),
                    visitedFraction: n >= total ? 1 : keys > 0 ? Double(done) / Double(keys) : 0, probedKeys: keys)
        }
        var result: [Stratum] = []
        if slotTotals.large > 0 { result.append(stratum("large slots", finishedCounts.large, slotTotals.large, finishedKeys.large, probedKeys.large)) }
        if slotTotals.regular > 0 || result.isEmpty { result.append(stratum("", finishedCounts.regular, slotTotals.regular, finishedKeys.regular, probedKeys.regular)) }
        return result
    }

    /// The share of the node's keys behind the walk: by the cursor for one table, by the probed
    /// keys of the finished slots otherwise.
    public var visitedFraction: Double {
        if isFinished { return 1 }
        if walksSlots {
            let all = probedKeys.large + probedKeys.regular
            return all > 0 ? Double(finishedKeys.large + finishedKeys.regular) / Double(all) : 0
        }
        return tableFraction
    }
}
