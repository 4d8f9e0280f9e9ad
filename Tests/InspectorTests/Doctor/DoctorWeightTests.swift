import Testing

@testable import Inspector

/// The analysis of a sample weighed up to the whole keyspace: counts and memory multiplied, shares and averages kept.
@Suite struct DoctorWeightTests {
    @Test func weighsCountsAndMemoryKeepsShares() {
        var index = KeyIndex()
        for i in 0..<10 {
            let id = index.insert(Array("user:\(i)".utf8))!.id
            index.update(id, type: .string, ttl: i < 4 ? .persistent : .expires(atMilliseconds: 2_000_000 + Int64(i) * 1000), memory: 100)
        }
        let view = KeyspaceView(index: index, sampleRate: 0.25)
        var analysis = DoctorAnalysis(view: view, now: 1_000_000)
        let before = analysis
        analysis.weigh(by: 4)
        #expect(analysis.keyCount == 40 && analysis.persistentCount == 16 && analysis.expiringCount == 24)
        #expect(analysis.memory == 4000 && analysis.persistentMemory == 1600)
        let user = analysis.profiles[0]
        #expect(user.keyCount == 40 && user.persistentCount == 16 && user.memory == 4000)
        #expect(user.expiringShare == before.profiles[0].expiringShare)
        #expect(user.averageMemory == before.profiles[0].averageMemory)
        #expect(user.medianRemaining == before.profiles[0].medianRemaining)
        #expect(user.histogram.total == 4 * before.profiles[0].histogram.total)
        var unchanged = before
        unchanged.weigh(by: 1)
        #expect(unchanged.keyCount == before.keyCount)
    }
}
