import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

extension ClusterKeyspaceTests {
    /// Writes `keys` into the suite's shared cluster, runs `body`, and deletes them again, so the
    /// suite's exact counts elsewhere do not see them.
    static func withKeys(_ keys: [String], _ client: ClusterClient, _ body: () async throws -> Void) async throws {
        for key in keys { _ = try await client.send(RedisCommand("SET", key, "1")) }
        do {
            try await body()
        } catch {
            for key in keys { _ = try? await client.send(RedisCommand("DEL", key)) }
            throw error
        }
        for key in keys { _ = try await client.send(RedisCommand("DEL", key)) }
    }

    @Test("the server pane's refresh in a cluster: the node's hot slots by keys (and CPU and network where tracked), top 20 each")
    func hotSlotsInSnapshot() async throws {
        let binary = try ServerBinary.current()
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        let tag = "{snapshot-hot}"
        try await Self.withKeys((0..<30).map { "cart:\(tag):\($0)" }, client) { try await Self.hotSlotsInSnapshot(client, tag: tag, binary: binary) }
    }

    static func hotSlotsInSnapshot(_ client: ClusterClient, tag: String, binary: ServerBinary) async throws {
        let owner = try #require(await client.endpoint(forKey: Array(tag.utf8)))
        let connection = await client.connection(for: owner)
        let features = try await ServerFeatures.detect(connection)
        let snapshot = try await ServerSnapshot.fetch(from: connection, features: features, clustered: true)
        guard features.slotStats else {
            #expect(snapshot.hotSlots == nil, "\(binary)")
            return
        }
        let slots = try #require(snapshot.hotSlots, "\(binary): \(snapshot.errors)")
        #expect(snapshot.errors["slots"] == nil, "\(binary)")
        #expect(slots.count <= ServerSnapshot.hotSlotMetrics.count * ServerSnapshot.hotSlotLimit, "\(binary)")
        #expect(Set(slots.map(\.slot)).count == slots.count, "\(binary): each slot once")
        let hot = try #require(slots.first { $0.slot == HashSlot.of(tag) }, "\(binary)")
        #expect(hot.keyCount >= 30, "\(binary)")
        #expect(hot.cpuMicroseconds == nil, "\(binary): CPU is not tracked by default, so not asked")

        // Tracking on: the key-count answer carries CPU, and the top slots by CPU and network join.
        _ = try await connection.send(RedisCommand("CONFIG", "SET", "cluster-slot-stats-enabled", "yes"))
        let tracked: ServerSnapshot
        do {
            for index in 0..<30 { _ = try await client.send(RedisCommand("GET", "cart:\(tag):\(index)")) }
            tracked = try await ServerSnapshot.fetch(from: connection, features: features, clustered: true)
        } catch {
            _ = try? await connection.send(RedisCommand("CONFIG", "SET", "cluster-slot-stats-enabled", "no"))
            throw error
        }
        _ = try await connection.send(RedisCommand("CONFIG", "SET", "cluster-slot-stats-enabled", "no"))
        #expect(tracked.errors.isEmpty, "\(binary): \(tracked.errors)")
        let busy = try #require(tracked.hotSlots?.first { $0.slot == HashSlot.of(tag) }, "\(binary)")
        #expect((busy.cpuMicroseconds ?? 0) > 0 && (busy.networkBytesIn ?? 0) > 0, "\(binary): \(busy)")
    }

    @Test("the dashboard's hot slots ask every primary: the busy slot with its owner, each primary's top slots merged")
    func clusterHotSlots() async throws {
        let binary = try ServerBinary.current()
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        let tags = ["{hot-a}", "{hot-b}", "{hot-c}", "{hot-d}"]
        try await Self.withKeys(tags.flatMap { tag in (0..<25).map { "cart:\(tag):\($0)" } }, client) { try await Self.clusterHotSlots(client, tags: tags, binary: binary) }
    }

    static func clusterHotSlots(_ client: ClusterClient, tags: [String], binary: ServerBinary) async throws {
        var snapshot = ServerSnapshot()
        try await snapshot.readClusterHotSlots(client)
        guard binary.name == "valkey" ? binary.isAtLeast(8) : binary.isAtLeast(8, 2) else {
            #expect(snapshot.hotSlots == nil && snapshot.errors["slots"] != nil, "\(binary): refused, so no section")
            return
        }
        let slots = try #require(snapshot.hotSlots, "\(binary): \(snapshot.errors)")
        #expect(snapshot.errors.isEmpty, "\(binary): \(snapshot.errors)")
        #expect(Set(snapshot.hotSlotOwners.values).count == 3, "\(binary): every primary answered")
        for tag in tags {
            let slot = HashSlot.of(tag)
            let owner = try #require(await client.endpoint(forSlot: slot), "\(binary)")
            #expect(snapshot.hotSlotOwners[slot] == "\(owner)", "\(binary): \(tag)")
            #expect((slots.first { $0.slot == slot }?.keyCount ?? 0) >= 25, "\(binary): \(tag)")
        }
    }
}
