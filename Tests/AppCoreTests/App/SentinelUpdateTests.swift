import Inspector
import RedisClient
import TerminalUI
import Testing

@testable import AppCore

@Suite("Sentinel mode in the app state")
struct SentinelUpdateTests {
    static func overview(primary: Int, replicas: [Int]) -> SentinelOverview {
        let topology = SentinelTopology(
            masterName: "mymaster", primary: RedisEndpoint(host: "10.0.0.1", port: primary), primaryFlags: ["master"], primaryOffset: 100, quorum: 2,
            failoverState: nil,
            replicas: replicas.map { SentinelTopology.Replica(endpoint: RedisEndpoint(host: "10.0.0.1", port: $0), flags: ["slave"], linkStatus: "ok", offset: 90, lastReplyMilliseconds: 300) },
            sentinels: [SentinelTopology.Sentinel(endpoint: RedisEndpoint(host: "10.0.0.9", port: 26379), reachable: true, flags: [])], quorumReachable: true,
            quorumMessage: "OK", answeredBy: RedisEndpoint(host: "10.0.0.9", port: 26379))
        return SentinelOverview(topology)
    }

    @Test("changes wait from the primary's +sdown until the switched primary is confirmed; the panes follow the new primary")
    func failover() {
        var state = AppState(addresses: ["10.0.0.1:6379", "10.0.0.1:6380"])
        state.sentinel = SentinelState(masterName: "mymaster", overview: Self.overview(primary: 6379, replicas: [6380]))
        #expect(state.currentNode == 0)
        #expect(state.sentinel?.changeRefusal == nil)
        let master = "master mymaster 10.0.0.1 6379"
        _ = AppUpdate.update(&state, .sentinelEvents([SentinelEvent(name: "+sdown", detail: master, sentinel: "s", wallMilliseconds: 1)]))
        #expect(state.sentinel?.changeRefusal?.contains("no primary of mymaster confirmed") == true)
        _ = AppUpdate.update(&state, .sentinelEvents([SentinelEvent(name: "+odown", detail: master + " #quorum 2/2", sentinel: "s", wallMilliseconds: 2)]))
        #expect(state.alerts.activeAlerts.contains { $0.rule.name == "sentinel-primary-odown" } == false)  // not a sentinel session's rules yet
        state.alerts.rules += AlertRule.sentinelDefaults
        _ = AppUpdate.update(&state, .sentinelEvents([SentinelEvent(name: "+try-failover", detail: master, sentinel: "s", wallMilliseconds: 3)]))
        #expect(Set(state.alerts.firing.map(\.rule.name)) == ["sentinel-primary-odown", "sentinel-failover"])
        // A read before the switch still finds the old primary: changes keep waiting.
        _ = AppUpdate.update(&state, .sentinelChanged(Self.overview(primary: 6379, replicas: [6380]), added: []))
        #expect(state.sentinel?.primaryConfirmed == false)
        _ = AppUpdate.update(
            &state, .sentinelEvents([SentinelEvent(name: "+switch-master", detail: "mymaster 10.0.0.1 6379 10.0.0.1 6380", sentinel: "s", wallMilliseconds: 4)]))
        _ = AppUpdate.update(&state, .sentinelChanged(Self.overview(primary: 6380, replicas: [6379, 6381]), added: ["10.0.0.1:6381"]))
        #expect(state.sentinel?.primaryConfirmed == true)
        #expect(state.currentNode == 1)
        #expect(state.nodes.map(\.address) == ["10.0.0.1:6379", "10.0.0.1:6380", "10.0.0.1:6381"])
        #expect(state.status?.text.description.contains("10.0.0.1:6380 is the primary of mymaster now") == true)
        #expect(!state.alerts.firing.contains { $0.rule.name == "sentinel-primary-odown" })
        // A focused node stays focused.
        state.focusedNode = 0
        #expect(state.currentNode == 0)
    }

    @Test("the overview draws the group and the timeline")
    func view() {
        var state = AppState(addresses: ["10.0.0.1:6379", "10.0.0.1:6380"], width: 160, height: 48)
        state.sentinel = SentinelState(masterName: "mymaster", overview: Self.overview(primary: 6379, replicas: [6380]))
        _ = AppUpdate.update(&state, .sentinelEvents([SentinelEvent(name: "+sdown", detail: "master mymaster 10.0.0.1 6379", sentinel: "s", wallMilliseconds: 1)]))
        _ = AppUpdate.update(&state, .sentinelListening(["10.0.0.9:26379"]))
        let text = AppView.render(state).text
        #expect(text.contains("Sentinel mymaster"))
        #expect(text.contains("NO PRIMARY CONFIRMED"))
        #expect(text.contains("quorum 2: OK"))
        #expect(text.contains("sentinels 1/1 up, 1 followed"))
        #expect(text.contains("10.0.0.1:6380"))
        #expect(text.contains("Failover #1 in progress"))
        #expect(text.contains("+sdown"))
    }
}
