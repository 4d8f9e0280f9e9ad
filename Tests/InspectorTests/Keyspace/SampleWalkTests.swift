// The sampling walk's plan without a server: slot order, what a reply adds, when the design is complete.
import RedisClient
import Testing

@testable import Inspector

@Suite struct SampleWalkTests {
    /// A key of `slot` found by trying names (CRC16 is fixed, so the search is deterministic).
    static func key(inSlot slot: Int, _ n: Int = 0) -> [UInt8] {
        var i = 0
        var found = 0
        while true {
            let key = Array("k\(i)".utf8)
            if HashSlot.of(key) == slot {
                if found == n { return key }
                found += 1
            }
            i += 1
        }
    }

    @Test("slots are walked in a seeded random order, each once, the empty ones never")
    func slotOrder() {
        let shape = NodeScanShape(layout: .clusterSlots, slots: Array(0..<100), keysPerSlot: (0..<100).map { $0 % 10 == 0 ? 0 : 5 })
        func order(_ seed: UInt64) -> [Int] {
            var walk = SampleWalk(shape: shape, seed: seed, slotsAtOnce: 1)
            var slots: [Int] = []
            while !walk.isFinished {
                let scan = walk.nextScans()[0]
                slots.append(scan.slot!)
                _ = walk.record(scan, returned: 0, keys: [])
            }
            return slots
        }
        let a = order(1)
        #expect(a == order(1))
        #expect(a != order(2))
        #expect(Set(a) == Set((0..<100).filter { $0 % 10 != 0 }))
        #expect(a.count == 90)
        #expect(a != a.sorted(), "the order is drawn, not the slots' own")
    }

    @Test("a reply: keys of the slot kept, a run into the next slot dropped, the slot done when the cursor leaves it")
    func recordSlot() {
        let shape = NodeScanShape(layout: .clusterSlots, slots: [3, 9], keysPerSlot: [2, 4])
        var walk = SampleWalk(shape: shape, seed: 7, slotsAtOnce: 2)
        let scans = walk.nextScans()
        #expect(scans.map(\.slot) == [3, 9])
        #expect(scans.map(\.cursor) == [3, 9])
        #expect(scans.map(\.count) == [10, 12])
        let three = scans[0]
        let kept = walk.record(three, returned: ScanCursorLayout.clusterSlots.cursor(slot: 3, tableCursor: 5), keys: [Self.key(inSlot: 3), Self.key(inSlot: 4)])
        #expect(kept == [Self.key(inSlot: 3)])
        #expect(walk.finishedSlots.isEmpty)
        #expect(walk.nextScans().first { $0.slot == 3 }?.cursor == ScanCursorLayout.clusterSlots.cursor(slot: 3, tableCursor: 5))
        _ = walk.record(three, returned: ScanCursorLayout.clusterSlots.cursor(slot: 4), keys: [Self.key(inSlot: 3, 1)])
        #expect(walk.finishedSlots == [3])
        #expect(walk.strata.map(\.design) == [.slots(sampled: 1, total: 2)])
        #expect(abs(walk.visitedFraction - 2.0 / 6) < 1e-12)
        _ = walk.record(scans[1], returned: 0, keys: [])
        #expect(walk.isFinished)
        #expect(walk.strata.map(\.design) == [.complete])
        #expect(walk.visitedFraction == 1)
    }

    @Test("slots far above the mean (hash tags) are a stratum of their own, walked first")
    func largeSlots() {
        // 20 slots of about 3 keys, and two of 200.
        var counts = (0..<22).map { 2 + $0 % 3 }
        counts[5] = 200
        counts[17] = 200
        let shape = NodeScanShape(layout: .clusterSlots, slots: Array(0..<22), keysPerSlot: counts)
        var walk = SampleWalk(shape: shape, seed: 3, slotsAtOnce: 1)
        #expect(walk.largeSlots == [5, 17])
        var order: [Int] = []
        for _ in 0..<3 {
            let scan = walk.nextScans()[0]
            order.append(scan.slot!)
            _ = walk.record(scan, returned: 0, keys: [])
        }
        #expect(Set(order.prefix(2)) == [5, 17])
        let strata = walk.strata
        #expect(strata.map(\.name) == ["large slots", ""])
        #expect(strata[0].design == .complete)
        #expect(strata[0].probedKeys == 400)
        #expect(strata[1].design == .slots(sampled: 1, total: 20))
        #expect(abs(SampleWalk.largeSlotThreshold(mean: 4) - 19) < 1e-12)
    }

    @Test("one table: the cursor walk, Bernoulli by the share behind the cursor")
    func recordTable() {
        var walk = SampleWalk(shape: .standalone, seed: 1, maxCount: 50)
        let scan = walk.nextScans()[0]
        #expect(scan.cursor == 0 && scan.count == 50 && scan.slot == nil)
        #expect(walk.record(scan, returned: 1, keys: [Array("a".utf8)]) == [Array("a".utf8)])
        #expect(walk.strata.map(\.design) == [.bernoulli(fraction: 0.5)])
        #expect(walk.nextScans()[0].cursor == 1)
        _ = walk.record(walk.nextScans()[0], returned: 0, keys: [])
        #expect(walk.strata.map(\.design) == [.complete])
        #expect(walk.nextScans().isEmpty)
    }
}
