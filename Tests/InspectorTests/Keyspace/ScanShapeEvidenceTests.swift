import Testing

@testable import Inspector

/// What the probe's `SCAN <slot> COUNT 100` says of a node's layout, from the slots of the keys
/// it returned (the real servers are in `ScanProgressServerTests`).
@Suite struct ScanShapeEvidenceTests {
    @Test("a key out of slot order, or a first key of another slot: one table")
    func oneTable() {
        #expect(ScanShapeProbe.evidence([5, 900, 12], probedSlot: 5) == .oneTable)
        #expect(ScanShapeProbe.evidence([7, 7, 7], probedSlot: 5) == .oneTable)
        #expect(ScanShapeProbe.evidence([5, 5, 4], probedSlot: 5) == .oneTable)
    }

    @Test("the slot's keys, then later slots in order: a table per slot (COUNT went past the slot)")
    func tablePerSlot() {
        #expect(ScanShapeProbe.evidence([5, 5, 6, 9, 9], probedSlot: 5) == .tablePerSlot)
        #expect(ScanShapeProbe.evidence([5, 6], probedSlot: 5) == .tablePerSlot)
    }

    @Test("keys of the slot only: proof once there are eight (then checked against the node's total), nothing with fewer")
    func oneSlot() {
        #expect(ScanShapeProbe.evidence(Array(repeating: 5, count: 8), probedSlot: 5) == .oneSlotOnly)
        #expect(ScanShapeProbe.evidence(Array(repeating: 5, count: 7), probedSlot: 5) == .none)
        #expect(ScanShapeProbe.evidence([], probedSlot: 5) == .none)
    }
}
