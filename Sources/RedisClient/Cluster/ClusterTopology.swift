import RESP

/// The shape of a Redis Cluster at one moment: its shards (a primary, its replicas, its slot
/// ranges), read from `CLUSTER SHARDS` (Redis 7.0+, RESP2 or RESP3) or `CLUSTER SLOTS`.
public struct ClusterTopology: Sendable, Hashable {
    /// The shards that serve slots, ordered by their lowest slot; then shards without slots.
    public var shards: [ClusterShard]

    /// Creates a topology; shards are put in slot order.
    public init(shards: [ClusterShard]) {
        self.shards = shards.sorted { ($0.firstSlot, $0.primary.endpoint.port) < ($1.firstSlot, $1.primary.endpoint.port) }
    }

    /// Every node: primaries (in slot order), each followed by its replicas.
    public var nodes: [ClusterNode] { shards.flatMap { [$0.primary] + $0.replicas } }

    /// The primaries, in slot order.
    public var primaries: [ClusterNode] { shards.map(\.primary) }

    /// The shards that serve at least one slot.
    public var servingShards: [ClusterShard] { shards.filter { $0.slotCount > 0 } }

    /// Slots served by some shard.
    public var coveredSlots: Int { shards.reduce(0) { $0 + $1.slotCount } }

    /// How many slots `endpoint` serves (0 for replicas and unknown nodes).
    public func slotCount(of endpoint: RedisEndpoint) -> Int {
        shards.first { $0.primary.endpoint == endpoint }?.slotCount ?? 0
    }

    /// The node at `endpoint`, if any.
    public func node(at endpoint: RedisEndpoint) -> ClusterNode? {
        nodes.first { $0.endpoint == endpoint }
    }

    /// The shard serving `slot`.
    public func shard(forSlot slot: Int) -> ClusterShard? {
        shards.first { $0.slotRanges.contains { $0.contains(slot) } }
    }

    /// The topology with every announced address replaced by its reachable one.
    public func mapped(_ map: AddressMap) -> ClusterTopology {
        guard !map.isEmpty else { return self }
        func node(_ node: ClusterNode) -> ClusterNode {
            var node = node
            node.endpoint = map.reachable(node.endpoint)
            return node
        }
        return ClusterTopology(
            shards: shards.map { ClusterShard(primary: node($0.primary), replicas: $0.replicas.map(node), slotRanges: $0.slotRanges) })
    }

    // MARK: - Parsing

    /// Parses a `CLUSTER SHARDS` reply (RESP3 maps or RESP2 flat arrays).
    /// - Parameters:
    ///   - reply: the reply.
    ///   - useTLSPort: take each node's `tls-port` when present (the connection uses TLS).
    ///   - fallbackHost: for nodes that announce no address (`ip` empty or `?`), the host we reached.
    /// - Returns: nil when the reply does not have the documented shape.
    public static func parseShards(_ reply: RESPValue, useTLSPort: Bool = false, fallbackHost: String) -> ClusterTopology? {
        guard let items = reply.array else { return nil }
        var shards: [ClusterShard] = []
        for item in items {
            guard let slotsValue = item["slots"], let slotNumbers = slotsValue.array, let nodeValues = item["nodes"]?.array else { return nil }
            let numbers = slotNumbers.compactMap { $0.int.map(Int.init) }
            guard numbers.count == slotNumbers.count, numbers.count % 2 == 0 else { return nil }
            let ranges = stride(from: 0, to: numbers.count, by: 2).compactMap { i -> ClosedRange<Int>? in
                numbers[i] <= numbers[i + 1] ? numbers[i]...numbers[i + 1] : nil
            }
            var replicas: [ClusterNode] = []
            for value in nodeValues {
                guard let node = parseShardNode(value, useTLSPort: useTLSPort, fallbackHost: fallbackHost) else { return nil }
                replicas.append(node)
            }
            // After a failover Valkey lists the old primary, failed but still "master", first and
            // beside the promoted one: the primary that is not failed serves the slots.
            let primaryIndex =
                replicas.firstIndex { $0.role == .primary && $0.health != .failed }
                ?? replicas.firstIndex { $0.role == .primary }
            var primary = primaryIndex.map { replicas.remove(at: $0) }
            // A shard whose primary failed over may list only replicas for a moment: the first stands in.
            if primary == nil, !replicas.isEmpty, !ranges.isEmpty { primary = replicas.removeFirst() }
            guard let primary else { continue }
            shards.append(ClusterShard(primary: primary, replicas: replicas, slotRanges: ranges))
        }
        return ClusterTopology(shards: shards)
    }

    private static func parseShardNode(_ value: RESPValue, useTLSPort: Bool, fallbackHost: String) -> ClusterNode? {
        guard value.pairs != nil else { return nil }
        let id = value["id"]?.string ?? ""
        let port = (useTLSPort ? value["tls-port"]?.int : nil) ?? value["port"]?.int ?? value["tls-port"]?.int
        guard let port, port > 0 else { return nil }
        var host = value["ip"]?.string ?? value["endpoint"]?.string ?? ""
        if host.isEmpty || host == "?" { host = fallbackHost }
        let role: ClusterNode.Role = value["role"]?.string == "master" ? .primary : .replica
        let health = value["health"]?.string.map(ClusterNode.Health.init(reported:)) ?? .unknown
        return ClusterNode(id: id, endpoint: RedisEndpoint(host: host, port: Int(port)), role: role, health: health)
    }

    /// Parses a `CLUSTER SLOTS` reply: `[[start, end, [ip, port, id, …], [replica…]…], …]`.
    /// Nodes without slots do not appear in it; health is unknown.
    /// - Returns: nil when the reply does not have the documented shape.
    public static func parseSlots(_ reply: RESPValue, fallbackHost: String) -> ClusterTopology? {
        guard let items = reply.array else { return nil }
        var byPrimary: [RedisEndpoint: ClusterShard] = [:]
        var order: [RedisEndpoint] = []
        for item in items {
            guard let parts = item.array, parts.count >= 3, let start = parts[0].int, let end = parts[1].int, start <= end else { return nil }
            var nodes: [ClusterNode] = []
            for (offset, nodeValue) in parts.dropFirst(2).enumerated() {
                guard let fields = nodeValue.array, fields.count >= 2, let port = fields[1].int else { return nil }
                var host = fields[0].string ?? ""
                if host.isEmpty || host == "?" { host = fallbackHost }
                let id = fields.count >= 3 ? (fields[2].string ?? "") : ""
                nodes.append(ClusterNode(id: id, endpoint: RedisEndpoint(host: host, port: Int(port)), role: offset == 0 ? .primary : .replica))
            }
            let primary = nodes[0]
            if var shard = byPrimary[primary.endpoint] {
                shard.slotRanges.append(Int(start)...Int(end))
                for replica in nodes.dropFirst() where !shard.replicas.contains(where: { $0.endpoint == replica.endpoint }) {
                    shard.replicas.append(replica)
                }
                byPrimary[primary.endpoint] = shard
            } else {
                byPrimary[primary.endpoint] = ClusterShard(primary: primary, replicas: Array(nodes.dropFirst()), slotRanges: [Int(start)...Int(end)])
                order.append(primary.endpoint)
            }
        }
        return ClusterTopology(shards: order.compactMap { byPrimary[$0] })
    }
}
