import Testing

@testable import Inspector

/// The keys pane's figures from what the view holds: exact when complete, weighed up with 95%
/// intervals by the walked share and the index's sample rate otherwise.
@Suite struct KeyspaceViewEstimateTests {
    /// `user:` 60 keys (100 B, 20 without TTL), `session:` 40 keys (50 B, all with TTL); the
    /// last `pending` keys of `session:` not looked up yet.
    static func view(sampleRate: Double = 1, pending: Int = 0) -> KeyspaceView {
        var index = KeyIndex()
        for i in 0..<60 {
            let id = index.insert(Array("user:\(i)".utf8))!.id
            index.update(id, type: .hash, ttl: i < 20 ? .persistent : .expires(atMilliseconds: 9_000_000), memory: 100)
        }
        for i in 0..<40 {
            let id = index.insert(Array("session:\(i)".utf8))!.id
            if i < 40 - pending { index.update(id, type: .string, ttl: .expires(atMilliseconds: 9_000_000), memory: 50) }
        }
        return KeyspaceView(index: index, sampleRate: sampleRate)
    }

    @Test("a finished walk over every key: exact figures, low = high = value")
    func exact() {
        let figures = Self.view().figures(ofPrefix: Array("user:".utf8), visitedFraction: 1)
        #expect(figures.isExact)
        #expect(figures.keys == Estimate(exact: 60))
        #expect(figures.memory == Estimate(exact: 6000))
        #expect(figures.withoutTTL == Estimate(exact: 20))
        #expect(Self.view().totalFigures(visitedFraction: 1).keys == Estimate(exact: 100))
    }

    @Test("a quarter of the walk: counts weighed up by 1/f with the score interval around them")
    func partialWalk() throws {
        let figures = Self.view().figures(ofPrefix: Array("user:".utf8), visitedFraction: 0.25)
        #expect(!figures.isExact)
        #expect(figures.keys == Estimate(count: 60, fraction: 0.25))
        #expect(figures.keys.value == 240)
        #expect(figures.keys.low > 60 && figures.keys.low < 240 && figures.keys.high > 240)
        let memory = try #require(figures.memory)
        #expect(memory.value == 24_000)
        // Every key holds 100 B: memory's interval is the count's, scaled (HT variance (1−f)/f² Σm²).
        let half = Estimate.z95 * (0.75 / 0.0625 * 60 * 100 * 100).squareRoot()
        #expect(abs(memory.high - (24_000 + half)) < 1e-6)
        #expect(figures.withoutTTL == Estimate(count: 20, fraction: 0.25))
    }

    @Test("a sampled index: the sample rate multiplies the walked share, even once the walk ends")
    func sampledIndex() {
        let figures = Self.view(sampleRate: 0.5).figures(ofPrefix: Array("session:".utf8), visitedFraction: 1)
        #expect(!figures.isExact)
        #expect(figures.keys.value == 80)
        #expect(figures.memory?.value == 4000)
        #expect(Self.view(sampleRate: 0.5).figures(ofPrefix: Array("user:".utf8), visitedFraction: 0.5).keys.value == 240)
    }

    @Test("keys not looked up yet: counts still weighed up, memory and TTL from the keys looked up")
    func pendingLookups() {
        // 30 of session:'s 40 keys looked up: memory = 30·50 / (f · 30/40).
        let figures = Self.view(pending: 10).figures(ofPrefix: Array("session:".utf8), visitedFraction: 0.5)
        #expect(figures.keys.value == 80)
        #expect(figures.memory.map { abs($0.value - 4000) < 1e-9 } == true)
        #expect(figures.withoutTTL?.value == 0)
        // None looked up: no memory figure at all rather than a zero.
        let none = Self.view(pending: 40).figures(ofPrefix: Array("session:".utf8), visitedFraction: 0.5)
        #expect(none.memory == nil && none.withoutTTL == nil)
        #expect(none.keys.value == 80)
    }

    @Test("how estimates read: plain when exact, ~value and ±margin when estimated")
    func formatting() {
        #expect(Formatting.estimate(Estimate(exact: 1200), Formatting.number) == "1.20k")
        let estimate = Estimate(value: 1_240_000, low: 1_230_080, high: 1_249_920)
        #expect(Formatting.estimate(estimate, Formatting.number) == "~1.24M ±0.8%")
        #expect(Formatting.estimateValue(estimate, Formatting.number) == "~1.24M")
        #expect(Formatting.estimateMargin(estimate) == "±0.8%")
        #expect(Formatting.estimate(Estimate(value: 0, low: 0, high: 94.2), Formatting.number) == "~0 ≤95")
        #expect(Formatting.estimateMargin(Estimate(exact: 5)) == "")
    }
}
