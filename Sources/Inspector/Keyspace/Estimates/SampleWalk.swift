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
///   next) are dropped. A slot the walk stopped in counts by the share of its table behind its
///   cursor, like a walk of one table.
///
///   Slots are two strata. Hashing spreads untagged keys evenly (a slot holds about the mean, in
///   Poisson fashion), so a slot far above the mean (``largeSlotThreshold(mean:)``) holds
///   hash-tagged keys; such slots are walked first (three quarters of the slots under way at
///   once), and counted whole when time allows. At any stop each stratum is a simple random sample
///   of its slots, each walked whole or by a known share (two-stage sampling).
///
///     var walk = SampleWalk(shape: shape, seed: 42)
///     while !walk.isFinished && Date() < deadline {
///         let scans = walk.nextScans()
///         let replies = try await connection.pipeline(scans.map { $0.command })
///         for (scan, reply) in zip(scans, replies) { keys += walk.record(scan, cursor: …, keys: …) }
///     }
///     let strata = walk.strata      // designs, and the share walked of each slot stopped in
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
    private var pendingLarge: [Int] = []
    private var pendingRegular: [Int] = []
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
        /// Slots started but not finished → the share of the slot's table behind its cursor.
        public var slotFractions: [Int: Double] = [:]
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
        pendingLarge = large
        pendingRegular = regular
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
    public var isFinished: Bool { walksSlots ? pendingLarge.isEmpty && pendingRegular.isEmpty && active.isEmpty : tableDone }

    /// The next `SCAN`s to send (one pipeline): the table's next cursor, or the slots under way
    /// topped up to `slotsAtOnce` from the drawn order: large slots first, up to three quarters of
    /// the places, so the regular slots are started in the same round.
    public mutating func nextScans(count: Int? = nil) -> [Scan] {
        guard walksSlots else {
            return tableDone ? [] : [Scan(cursor: cursor, count: min(maxCount, count ?? maxCount), slot: nil)]
        }
        let largeShare = max(1, slotsAtOnce * 3 / 4)
        var activeLarge = active.keys.filter { largeSlots.contains($0) }.count
        while activeLarge < largeShare, let slot = pendingLarge.popLast() {
            active[slot] = 0
            activeLarge += 1
        }
        while active.count < slotsAtOnce, let slot = pendingRegular.popLast() { active[slot] = 0 }
        while active.count < slotsAtOnce, let slot = pendingLarge.popLast() { active[slot] = 0 }
        return active.sorted { $0.key < $1.key }.map { slot, tableCursor in
            // A little over the slot's keys: the call ends at the slot's end without running far on.
            let want = (expected[slot] ?? 0) + 8
            return Scan(cursor: shape.layout.cursor(slot: slot, tableCursor: tableCursor), count: min(maxCount, want), slot: slot)
        }
    }

    /// Records a `SCAN` reply.
    /// - Returns: the keys that join the sample (those of the scan's own slot under slot sampling).
    public mutating func record(_ scan: Scan, returned next: UInt64, keys: [[UInt8]]) -> [[UInt8]] {
        guard let slot = scan.slot else {
            cursor = next
            if next == 0 {
                tableDone = true
                tableFraction = 1
            } else {
                tableFraction = progress.fraction(at: next)
            }
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

    /// The strata of the keys gathered so far and their designs: one for one table; large then
    /// regular slots otherwise, each present only when it has slots. A slot started but not
    /// finished counts with the share of its table behind its cursor (a Bernoulli sample of it):
    /// its keys are in the sample, weighed up accordingly.
    public var strata: [Stratum] {
        guard walksSlots else {
            return [Stratum(name: "", design: isFinished ? .complete : .bernoulli(fraction: tableFraction), visitedFraction: tableFraction, probedKeys: nil)]
        }
        func stratum(_ name: String, large: Bool, finished: Int, total: Int, finishedKeys: Int, keys: Int) -> Stratum {
            var fractions: [Int: Double] = [:]
            var partialKeys = 0.0
            for (slot, tableCursor) in active where tableCursor != 0 && largeSlots.contains(slot) == large {
                let f = ScanCursorLayout.reverseBinaryFraction(tableCursor)
                fractions[slot] = f
                partialKeys += f * Double(expected[slot] ?? 0)
            }
            let sampled = finished + fractions.count
            let complete = finished >= total
            return Stratum(
                name: name, design: complete ? .complete : .slots(sampled: sampled, total: total),
                visitedFraction: complete ? 1 : keys > 0 ? (Double(finishedKeys) + partialKeys) / Double(keys) : 0,
                probedKeys: keys, slotFractions: fractions)
        }
        var result: [Stratum] = []
        if slotTotals.large > 0 {
            result.append(
                stratum(
                    "large slots", large: true, finished: finishedCounts.large, total: slotTotals.large,
                    finishedKeys: finishedKeys.large, keys: probedKeys.large))
        }
        if slotTotals.regular > 0 || result.isEmpty {
            result.append(
                stratum(
                    "", large: false, finished: finishedCounts.regular, total: slotTotals.regular,
                    finishedKeys: finishedKeys.regular, keys: probedKeys.regular))
        }
        return result
    }

    /// The share of the node's keys behind the walk: by the cursor for one table, by the probed
    /// keys of the slots walked (in part, by their cursors) otherwise.
    public var visitedFraction: Double {
        if isFinished { return 1 }
        guard walksSlots else { return tableFraction }
        let all = probedKeys.large + probedKeys.regular
        guard all > 0 else { return 0 }
        return strata.reduce(0.0) { $0 + $1.visitedFraction * Double($1.probedKeys ?? 0) } / Double(all)
    }
}
