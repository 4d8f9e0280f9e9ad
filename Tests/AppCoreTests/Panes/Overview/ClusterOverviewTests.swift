import Foundation
import Inspector
import RedisClient
import TerminalUI
import Testing

@testable import AppCore

@Suite struct ClusterOverviewTests {
    static func endpoint(_ port: Int) -> RedisEndpoint { RedisEndpoint(host: "127.0.0.1", port: port) }

    static func topology(primaryOf second: Int, failed: Bool = false) -> ClusterTopology {
        let other = second == 7001 ? 7004 : 7001
        return ClusterTopology(shards: [
            ClusterShard(
                primary: ClusterNode(id: "a", endpoint: endpoint(7000), role: .primary, health: .online),
                replicas: [ClusterNode(id: "c", endpoint: endpoint(7003), role: .replica, health: .online)], slotRanges: [0...8191]),
            ClusterShard(
                primary: ClusterNode(id: "b", endpoint: endpoint(second), role: .primary, health: .online),
                replicas: [ClusterNode(id: "d", endpoint: endpoint(other), role: .replica, health: failed ? .failed : .online)], slotRanges: [8192...16383]),
        ])
    }

    @Test func nodesFollowTheTopologyWithSlotsTotalAndPromotion() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7000", "127.0.0.1:7001", "127.0.0.1:7003"], seconds: 5)
        _ = AppUpdate.update(&state, .clusterChanged(ClusterOverview(Self.topology(primaryOf: 7001)), added: ["127.0.0.1:7004"]))
        #expect(state.nodes.map(\.address) == ["127.0.0.1:7000", "127.0.0.1:7001", "127.0.0.1:7003", "127.0.0.1:7004"])
        var screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("127.0.0.1:7000 8192 slots"))
        #expect(screen.contains("cluster total"))
        #expect(state.status?.text.contains("new node 127.0.0.1:7004") == true)

        // The primary fails; its replica is promoted.
        _ = AppUpdate.update(&state, .clusterChanged(ClusterOverview(Self.topology(primaryOf: 7004, failed: true)), added: []))
        #expect(state.status?.text.contains("127.0.0.1:7004 promoted to primary") == true)
        #expect(state.status?.text.contains("127.0.0.1:7001 failed") == true)
        screen = AppView.render(state).text
        #expect(screen.contains("127.0.0.1:7001 failed"))
        #expect(screen.contains("127.0.0.1:7004 8192 slots"))
    }

    @Test func clusterStateFailFeedsTheAlerts() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7000"], seconds: 2)
        let text = "# Replication\r\nrole:master\r\n# Cluster\r\ncluster_enabled:1\r\n# ClusterInfo\r\ncluster_state:fail\r\ncluster_slots_pfail:0\r\ncluster_slots_fail:5461\r\n"
        let sample = NodeSample(time: 3, latency: 0.0002, info: InfoSnapshot(parsing: text))
        #expect(sample.clusterState == "fail")
        #expect(sample.clusterSlotsFailing == 5461)
        _ = AppUpdate.update(&state, .sampled(node: 0, outcome: .sample(sample)))
        let firing = state.alerts.firing.map(\.rule.name)
        #expect(firing.contains("cluster-state-fail"))
        #expect(firing.contains("cluster-slots-failing"))
        let screen = AppView.render(state).text
        #expect(screen.contains("cluster-state-fail"))
    }
}

@Suite struct ClusterKeysScopeTests {
    @Test func keysSpanTheClusterUntilANodeIsFocusedAndAgainAfter() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7000", "127.0.0.1:7001"], seconds: 1)
        state.cluster = ClusterOverview(ClusterOverviewTests.topology(primaryOf: 7001))
        state.pane = .keys
        #expect(AppUpdate.entered(.keys, &state) == [.startScan(node: 0, filter: .all)])
        #expect(state.keys.spansCluster)
        #expect(AppUpdate.entered(.keys, &state).isEmpty)
        // `:node 1` narrows to the first node: a scan of that node alone.
        state.focusedNode = 0
        #expect(AppUpdate.entered(.keys, &state) == [.startScan(node: 0, filter: .all)])
        #expect(!state.keys.spansCluster)
        state.focusedNode = nil
        #expect(AppUpdate.entered(.keys, &state) == [.startScan(node: 0, filter: .all)])
        #expect(state.keys.spansCluster)
    }
}
