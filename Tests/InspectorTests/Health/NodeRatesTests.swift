import Testing

@testable import Inspector

@Suite struct NodeRatesTests {
    @Test func ratesAreCounterDeltasPerSecond() throws {
        let a = SampleFactory.sample(at: 10, commands: 1000, hits: 100, misses: 0, evicted: 5, uptime: 100)
        let b = SampleFactory.sample(at: 12, commands: 3000, hits: 400, misses: 100, evicted: 45, uptime: 102)
        let r = try #require(NodeRates(from: a, to: b))
        #expect(r.interval == 2)
        #expect(r.opsPerSecond == 1000)
        #expect(r.hitsPerSecond == 150)
        #expect(r.missesPerSecond == 50)
        #expect(r.hitRatio == 0.75)
        #expect(r.evictionsPerSecond == 20)
    }

    @Test func noLookupsMeansNoHitRatio() throws {
        let a = SampleFactory.sample(at: 0, commands: 5)
        let b = SampleFactory.sample(at: 1, commands: 9, uptime: 101)
        #expect(try #require(NodeRates(from: a, to: b)).hitRatio == nil)
    }

    @Test func counterResetStartsNewSeries() {
        let a = SampleFactory.sample(at: 0, commands: 1000, hits: 500)
        let reset = SampleFactory.sample(at: 1, commands: 3, hits: 0, uptime: 101)
        #expect(NodeRates(from: a, to: reset) == nil)
    }

    @Test func restartStartsNewSeries() {
        let a = SampleFactory.sample(at: 0, commands: 10, uptime: 500)
        let restarted = SampleFactory.sample(at: 1, commands: 20, uptime: 1, runID: "run-b")
        #expect(NodeRates(from: a, to: restarted) == nil)
    }

    @Test func historyNeverHoldsNegativeRatesAcrossReset() {
        var node = NodeHealth(address: "n", historyCapacity: 10)
        node.record(SampleFactory.sample(at: 0, commands: 1000, hits: 90, misses: 10))
        node.record(SampleFactory.sample(at: 1, commands: 2000, hits: 180, misses: 20, uptime: 101))
        node.record(SampleFactory.sample(at: 2, commands: 5, hits: 1, misses: 0, uptime: 102))  // CONFIG RESETSTAT
        node.record(SampleFactory.sample(at: 3, commands: 105, hits: 11, misses: 0, uptime: 103))
        let ops = node.series(\.opsPerSecond)
        #expect(ops == [nil, 1000, nil, 100])
        #expect(node.seriesLength == 2)
        #expect(node.watchedHits == 90 + 10)
        #expect(node.watchedMisses == 10)
    }
}
