import Foundation
import Testing

@testable import Inspector

@Suite("Failover timeline")
struct FailoverTimelineTests {
    static func event(_ name: String, _ detail: String, at milliseconds: Int64, from sentinel: String = "s1:26379") -> SentinelEvent {
        SentinelEvent(name: name, detail: detail, sentinel: sentinel, wallMilliseconds: milliseconds)
    }

    @Test("a failover runs from the primary's +sdown to +failover-end, one entry per event from any number of sentinels, with stage durations")
    func failover() throws {
        var timeline = FailoverTimeline()
        let master = "master mymaster 10.0.0.1 6379"
        timeline.record(Self.event("+sdown", "slave 10.0.0.2:6379 10.0.0.2 6379 @ mymaster 10.0.0.1 6379", at: 500))
        #expect(timeline.failoverCount == 0)
        timeline.record(Self.event("+sdown", master, at: 1000))
        timeline.record(Self.event("+sdown", master, at: 1050, from: "s2:26379"))
        timeline.record(Self.event("+odown", master + " #quorum 2/2", at: 1100))
        timeline.record(Self.event("+try-failover", master, at: 1200))
        timeline.record(Self.event("+switch-master", "mymaster 10.0.0.1 6379 10.0.0.2 6379", at: 3000))
        timeline.record(Self.event("+failover-end", master, at: 3500))
        timeline.record(Self.event("+sdown", "slave 10.0.0.1:6379 10.0.0.1 6379 @ mymaster 10.0.0.2 6379", at: 4000))
        #expect(timeline.failoverCount == 1)
        #expect(!timeline.inFailover)
        #expect(timeline.failover(1).map(\.event.name) == ["+sdown", "+odown", "+try-failover", "+switch-master", "+failover-end"])
        #expect(timeline.failover(1)[0].sentinels == ["s1:26379", "s2:26379"])
        #expect(timeline.stageSeconds(1) == 0.1)
        #expect(timeline.stageSeconds(4) == 0.5)
        #expect(timeline.stageSeconds(5) == nil)
        #expect(timeline.totalSeconds(1) == 2.5)
        #expect(timeline.text().contains("failover #1: 2.500 s from first to last event"))
        let json = try JSONSerialization.jsonObject(with: Data(timeline.json().utf8)) as? [String: Any]
        #expect(json?["failovers"] as? Int == 1)
        #expect((json?["events"] as? [[String: Any]])?.count == 7)
        #expect(timeline.failover(1)[3].event.switchedTo == "10.0.0.2:6379")
    }

    @Test("a primary back before any vote ends the episode; events of other groups are not this group's")
    func shortEpisode() {
        var timeline = FailoverTimeline()
        timeline.record(Self.event("+sdown", "master mymaster 10.0.0.1 6379", at: 0))
        #expect(timeline.inFailover)
        timeline.record(Self.event("-sdown", "master mymaster 10.0.0.1 6379", at: 800))
        #expect(!timeline.inFailover)
        #expect(SentinelEvent.concerns("master mymaster 10.0.0.1 6379", masterName: "mymaster"))
        #expect(SentinelEvent.concerns("slave 10.0.0.2:6379 10.0.0.2 6379 @ mymaster 10.0.0.1 6379", masterName: "mymaster"))
        #expect(SentinelEvent.concerns("mymaster 10.0.0.1 6379 10.0.0.2 6379", masterName: "mymaster"))
        #expect(!SentinelEvent.concerns("master mymaster2 10.0.0.1 6379", masterName: "mymaster"))
        #expect(!SentinelEvent.concerns("slave 10.0.0.2:6379 10.0.0.2 6379 @ other 10.0.0.1 6379", masterName: "mymaster"))
    }
}
