import Testing

@testable import Inspector

@Suite struct LoadControlTests {
    @Test func tokenBucketHoldsTheRate() {
        var bucket = TokenBucket(rate: 1000, burst: 100)
        #expect(bucket.take(100, now: 0) == 0)
        let wait = bucket.take(100, now: 0)
        #expect(abs(wait - 0.1) < 1e-9)
        // After sleeping the debt off, a tenth of a second buys 100 more.
        #expect(bucket.take(0, now: 0.1) == 0)
        #expect(bucket.take(100, now: 0.2) == 0)
    }

    @Test func tokenBucketOverManyCallsStaysUnderCeiling() {
        var bucket = TokenBucket(rate: 500, burst: 50)
        var now = 0.0
        var sent = 0
        while now < 10 {
            now += bucket.take(30, now: now)
            sent += 30
            now += 0.001
        }
        #expect(Double(sent) <= 500 * now + 50 + 30)
    }

    @Test func throttleHalvesOnHighLatencyAndRecovers() {
        var throttle = ScanThrottle(policy: ScanLoadPolicy(maxCount: 1000))
        throttle.seedBaseline(0.0002)
        for _ in 0..<3 { throttle.record(roundTrip: 0.0003) }
        #expect(throttle.count == 1000)
        #expect(!throttle.isThrottled)
        for _ in 0..<3 { throttle.record(roundTrip: 0.030) }
        #expect(throttle.count == 500)
        #expect(throttle.pause > 0)
        for _ in 0..<3 { throttle.record(roundTrip: 0.030) }
        #expect(throttle.count == 250)
        for _ in 0..<60 { throttle.record(roundTrip: 0.0003) }
        #expect(throttle.count == 1000)
        #expect(throttle.pause == 0)
    }

    @Test func throttleIgnoresSubMillisecondJitter() {
        var throttle = ScanThrottle(policy: ScanLoadPolicy())
        throttle.seedBaseline(0.00005)
        for _ in 0..<20 { throttle.record(roundTrip: 0.0006) }
        #expect(throttle.count == 1000)
    }

    @Test func throttleLeavesTheNetworkOutOfTheAbsoluteLimit() {
        // A server 150 ms away: every SCAN takes 150 ms, but the server spends a millisecond on it.
        var far = ScanThrottle(policy: ScanLoadPolicy())
        far.seedNetworkFloor(0.150)
        for _ in 0..<20 { far.record(roundTrip: 0.151) }
        #expect(far.count == 1000)
        #expect(!far.isThrottled)
        // The same server struggling (50 ms above the network) is still backed off from.
        for _ in 0..<5 { far.record(roundTrip: 0.200) }
        #expect(far.count == 500)
        // Without a floor, 150 ms is over the limit: the behaviour before the floor was measured.
        var unknown = ScanThrottle(policy: ScanLoadPolicy())
        for _ in 0..<3 { unknown.record(roundTrip: 0.151) }
        #expect(unknown.count == 500)
    }
}
