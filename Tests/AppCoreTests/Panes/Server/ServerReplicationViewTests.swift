import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// The replication section: one node's replicas, or in a cluster every shard's with its primary.
@Suite struct ServerReplicationViewTests {
    static func primary(_ replicas: [(String, Int64, Int64)], offset: Int64 = 5000) -> InfoSnapshot {
        var text = "# Replication\r\nrole:master\r\nconnected_slaves:\(replicas.count)\r\n"
        for (index, (address, acked, lag)) in replicas.enumerated() {
            let parts = address.split(separator: ":")
            text += "slave\(index):ip=\(parts[0]),port=\(parts[1]),state=online,offset=\(acked),lag=\(lag)\r\n"
        }
        return InfoSnapshot(parsing: text + "master_repl_offset:\(offset)\r\n")
    }

    @Test func everyShardsReplicasWithTheirPrimaryFurthestBehindFirst() {
        var state = ClientKillUpdateTests.pane()
        state.server.recordShard("10.0.0.1:7000", Self.primary([("10.0.0.4", 5000, 0)].map { ("\($0.0):7003", $0.1, $0.2) }))
        state.server.recordShard("10.0.0.2:7001", Self.primary([("10.0.0.5:7004", 1000, 14)]))
        #expect(state.server.showsReplication)
        let rows = ServerRows.replicas(state.server)
        #expect(rows.map(\.primary) == ["10.0.0.2:7001", "10.0.0.1:7000"])
        #expect(rows.first?.replica.offsetLag == 4000)
        while state.server.section != .replication { _ = state.press(.right) }
        let screen = AppView.render(state).text
        #expect(screen.contains("PRIMARY"))
        #expect(screen.contains("10.0.0.2:7001"))
        #expect(screen.contains("10.0.0.5:7004"))
        #expect(screen.contains("14s"))
        // A second sample of the lagging shard extends its sparkline history.
        state.server.recordShard("10.0.0.2:7001", Self.primary([("10.0.0.5:7004", 1000, 15)], offset: 9000))
        #expect(state.server.replicaLagHistory["10.0.0.5:7004"] == [4000, 8000])
    }
}
