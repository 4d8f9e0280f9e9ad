import Foundation
import Inspector
import Recording
import RedisClient
import Runtime
import Testing

@testable import AppCore

/// The tap fed a cluster's topology changes as the runtime's cluster follower sends them (the
/// follower itself is tested against real clusters; a cluster is too heavy to start for this).
@Suite("Recording: a cluster's topology changes")
struct RecordingTapTests {
    static func node(_ id: String, _ port: Int, _ role: ClusterNode.Role, _ health: ClusterNode.Health = .online) -> ClusterNode {
        ClusterNode(id: id, endpoint: RedisEndpoint(host: "127.0.0.1", port: port), role: role, health: health)
    }

    @Test("a new node and a failed one become topology events with the cluster's shape")
    func clusterChanges() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let writer = try RecordingWriter(path: path, startedAtMilliseconds: 1_000_000, meta: [:])
        var tap = RecordingTap(writer: writer)
        let state = AppState(addresses: ["127.0.0.1:7000", "127.0.0.1:7001"])
        func overview(replicaHealth: ClusterNode.Health) -> ClusterOverview {
            ClusterOverview(
                ClusterTopology(shards: [
                    ClusterShard(primary: Self.node("a", 7000, .primary), replicas: [Self.node("c", 7002, .replica, replicaHealth)], slotRanges: [0...8191]),
                    ClusterShard(primary: Self.node("b", 7001, .primary), replicas: [], slotRanges: [8192...16383]),
                ]))
        }
        tap.observe(.clusterChanged(overview(replicaHealth: .online), added: ["127.0.0.1:7002"]), firingBefore: [:], state: state, wallMilliseconds: 1_001_000)
        tap.observe(.clusterChanged(overview(replicaHealth: .failed), added: []), firingBefore: [:], state: state, wallMilliseconds: 1_002_000)
        tap.close()

        let db = try SQLiteDatabase.openRecording(path: path)
        let events = try db.rows("SELECT t, node IS NULL, detail FROM events WHERE kind = 'topology' ORDER BY t") { "\($0.integer(0)) \($0.integer(1)) \($0.text(2) ?? "")" }
        #expect(
            events == [
                "1000 1 2 primaries, 3 nodes, 16384 slots covered; added 127.0.0.1:7002",
                "2000 1 2 primaries, 3 nodes, 16384 slots covered; failed 127.0.0.1:7002",
            ])
        #expect(try db.rows("SELECT count(*) FROM nodes") { $0.integer(0) } == [2])
    }
}
