// Asks a node (or every shard of a cluster) how its SCAN walk is laid out: the I/O around NodeScanShape.
import RESP
import RedisClient

/// Probes the shape of a `SCAN` walk with a few cheap commands: `INFO server cluster`; in cluster
/// mode `CLUSTER NODES` (the slots served), then `RANDOMKEY` and `SCAN <its slot> COUNT 100`, which
/// tell the layout by what comes back (``evidence(_:probedSlot:)``): a node with one table per slot
/// answers with that slot's keys, then the next slots', in slot order; a node with one table with
/// keys from anywhere. The server's name and version decide when the answer cannot tell. A node with a table per slot is then asked for its keys per
/// slot: one `CLUSTER SLOT-STATS SLOTSRANGE` (Redis 8.2+, Valkey 8), else one
/// `CLUSTER COUNTKEYSINSLOT` per served slot (O(1) each, pipelined by the thousand).
public enum ScanShapeProbe {
    /// The probe's `SCAN` COUNT: on one table it returns keys of about this many buckets.
    static let probeCount = 100
    /// Keys of one slot, and none of another, that prove a table per slot: a single table returns
    /// them only when that slot holds nearly every key (p⁸ for a slot holding a share p).
    static let keysProvingSlotTables = 8

    /// What the keys of `SCAN <slot> COUNT 100` say of the layout.
    enum Evidence: Equatable {
        /// A key out of order: the walk is not slot by slot.
        case oneTable
        /// The probed slot's keys first, then only later slots, in order: slot by slot.
        case tablePerSlot
        /// Enough keys, all of the probed slot: slot by slot, unless that slot is all the node holds.
        case oneSlotOnly
        /// Too few keys to tell.
        case none
    }

    /// A table per slot walks from the probed slot upward: its keys come in slot order starting
    /// at that slot (a `COUNT` larger than the slot's keys goes on into the next slots). One table
    /// returns keys from anywhere, in no order.
    static func evidence(_ keySlots: [Int], probedSlot: Int) -> Evidence {
        guard let first = keySlots.first else { return .none }
        guard first == probedSlot, zip(keySlots, keySlots.dropFirst()).allSatisfy({ $0 <= $1 }) else { return .oneTable }
        if keySlots.last != probedSlot { return .tablePerSlot }
        return keySlots.count >= keysProvingSlotTables ? .oneSlotOnly : .none
    }

    /// One node's shape, and how many commands asking it took.
    /// - Throws: `KeyspaceError` or `RedisError` when the node cannot answer.
    public static func node(_ connection: any RedisPipelining) async throws -> (shape: NodeScanShape, commands: Int) {
        let info = InfoSnapshot(parsing: try await connection.call(RedisCommand("INFO", "server", "cluster")).string ?? "")
        let serverName = info["server_name"] ?? ""
        let version = info["valkey_version"] ?? info["redis_version"] ?? "?"
        let server = (serverName.isEmpty ? "redis" : serverName) + " " + version
        guard info["cluster_enabled"] == "1" else {
            return (NodeScanShape(layout: .singleTable, server: server), 1)
        }
        var commands = 3
        let slots = servedSlots(clusterNodes: try await connection.call(RedisCommand("CLUSTER", "NODES")).string ?? "")
        var layout: ScanCursorLayout = NodeScanShape.keepsTablePerSlot(serverName: serverName, version: version) ? .clusterSlots : .singleTable
        if let key = try await connection.call(RedisCommand("RANDOMKEY")).bytes {
            let slot = HashSlot.of(key)
            let reply = try await connection.call(RedisCommand("SCAN", slot, "COUNT", Self.probeCount))
            commands += 1
            let keySlots = (reply.array?.last?.array?.compactMap(\.bytes) ?? []).map(HashSlot.of)
            switch Self.evidence(keySlots, probedSlot: slot) {
            case .oneTable: layout = .singleTable
            case .tablePerSlot: layout = .clusterSlots
            case .oneSlotOnly:
                // Both layouts answer so when the node's keys are all in that slot.
                let inSlot = try await connection.call(RedisCommand("CLUSTER", "COUNTKEYSINSLOT", slot)).int ?? 0
                let total = try await connection.call(RedisCommand("DBSIZE")).int ?? 0
                commands += 2
                if inSlot < total { layout = .clusterSlots }
            case .none: break
            }
        }
        guard layout != .singleTable else {
            return (NodeScanShape(layout: layout, slots: slots, server: server, clusterEnabled: true), commands)
        }
        let (counts, asked) = try await keysPerSlot(connection, slots: slots)
        return (NodeScanShape(layout: layout, slots: slots, keysPerSlot: counts, server: server, clusterEnabled: true), commands + asked)
    }

    /// The keys in each of `slots` (ascending), and how many commands asking took.
    static func keysPerSlot(_ connection: any RedisPipelining, slots: [Int]) async throws -> ([Int], Int) {
        guard let first = slots.first, let last = slots.last else { return ([], 0) }
        let stats = try await connection.pipeline([RedisCommand("CLUSTER", "SLOT-STATS", "SLOTSRANGE", first, last)])[0]
        if stats.errorMessage == nil, let rows = stats.array {
            var bySlot: [Int: Int] = [:]
            for row in rows {
                guard let parts = row.array, parts.count == 2, let slot = parts[0].int else { continue }
                if let count = parts[1].pairs?.first(where: { $0.key.string == "key-count" })?.value.int { bySlot[Int(slot)] = Int(count) }
            }
            return (slots.map { bySlot[$0] ?? 0 }, 1)
        }
        var counts: [Int] = []
        counts.reserveCapacity(slots.count)
        for start in stride(from: 0, to: slots.count, by: 1000) {
            let chunk = slots[start..<min(start + 1000, slots.count)]
            let replies = try await connection.pipeline(chunk.map { RedisCommand("CLUSTER", "COUNTKEYSINSLOT", $0) })
            counts += replies.map { Int($0.int ?? 0) }
        }
        return (counts, 1 + slots.count)
    }

    /// The progress model for whatever `connection` walks: a `ClusterClient` (or its replica
    /// reads) walks every shard through one composite cursor, anything else is one node.
    /// - Returns: the model and how many commands the probe took.
    /// - Throws: when a node cannot answer.
    public static func walk(_ connection: any RedisPipelining) async throws -> (progress: KeyspaceWalkProgress, commands: Int) {
        let cluster: ClusterClient
        let replicas: Bool
        if let client = connection as? ClusterClient {
            (cluster, replicas) = (client, false)
        } else if let reads = connection as? ClusterReplicaReads {
            (cluster, replicas) = (reads.cluster, true)
        } else {
            let (shape, commands) = try await node(connection)
            return (.node(NodeScanProgress(shape: shape)), commands)
        }
        if await cluster.topology.shards.isEmpty { _ = try await cluster.refreshTopology() }
        let walked = await cluster.shardEndpoints(replica: replicas)
        let primaries = await cluster.topology.servingShards.map(\.primary.endpoint)
        var shards: [NodeScanProgress] = []
        var sizes: [Int] = []
        var commands = 0
        for (endpoint, primary) in zip(walked, primaries) {
            let (shape, n) = try await node(await cluster.connection(for: endpoint))
            shards.append(NodeScanProgress(shape: shape))
            sizes.append(Int(try await cluster.connection(for: primary).call(RedisCommand("DBSIZE")).int ?? 0))
            commands += n + 1
        }
        return (.cluster(ClusterScanProgress(shards: shards, keys: sizes)), commands)
    }

    /// The slots `CLUSTER NODES` says this node serves: its own ranges, or its primary's for a replica.
    public static func servedSlots(clusterNodes text: String) -> [Int] {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.split(separator: " ") }
        guard let me = lines.first(where: { $0.count > 2 && $0[2].split(separator: ",").contains("myself") }) else { return [] }
        var owner = me
        if me[2].split(separator: ",").contains("slave") || me[2].split(separator: ",").contains("replica"), me.count > 3,
            let primary = lines.first(where: { $0.first == me[3] })
        {
            owner = primary
        }
        var slots: [Int] = []
        for field in owner.dropFirst(8) where !field.hasPrefix("[") {
            let bounds = field.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1] { slots += Array(bounds[0]...bounds[1]) } else if bounds.count == 1 { slots.append(bounds[0]) }
        }
        return slots.sorted()
    }
}
