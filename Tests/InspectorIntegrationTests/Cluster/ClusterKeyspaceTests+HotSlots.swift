import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

extension ClusterKeyspaceTests {
    @Test("the server pane's refresh in a cluster: the node's hot slots by keys (and CPU and network where tracked), top 20 each")
    func hotSlotsInSnapshot() async throws {
        let binary = try ServerBinary.current()
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        let tag = "{snapshot-hot}"
        for index in 0..<30 { _ = try await client.send(RedisCommand("SET", "cart:\(tag):\(index)", index)) }
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
        defer { Task { _ = try? await connection.send(RedisCommand("CONFIG", "SET", "cluster-slot-stats-enabled", "no")) } }
        for index in 0..<30 { _ = try await client.send(RedisCommand("GET", "cart:\(tag):\(index)")) }
        let tracked = try await ServerSnapshot.fetch(from: connection, features: features, clustered: true)
        #expect(tracked.errors.isEmpty, "\(binary): \(tracked.errors)")
        let busy = try #require(tracked.hotSlots?.first { $0.slot == HashSlot.of(tag) }, "\(binary)")
        #expect((busy.cpuMicroseconds ?? 0) > 0 && (busy.networkBytesIn ?? 0) > 0, "\(binary): \(busy)")
    }
}
