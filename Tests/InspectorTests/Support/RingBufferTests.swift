import Testing

@testable import Inspector

@Suite struct RingBufferTests {
    @Test func wrapsKeepingTheNewest() {
        var ring = RingBuffer<Int>(capacity: 3)
        for i in 1...7 { ring.append(i) }
        #expect(Array(ring) == [5, 6, 7])
        #expect(ring.count == 3)
        #expect(ring.newest == 7)
        #expect(ring.suffix(2) == [6, 7])
        #expect(ring.suffix(10) == [5, 6, 7])
    }

    @Test func tenMinutesAtOneSecondFitsTheDefaultHistory() {
        var node = NodeHealth(address: "n")
        for t in 0..<700 { node.record(SampleFactory.sample(at: Double(t), commands: Int64(t), uptime: Int64(100 + t))) }
        #expect(node.history.count == 700)
        #expect(node.history.capacity >= 600)
    }
}
