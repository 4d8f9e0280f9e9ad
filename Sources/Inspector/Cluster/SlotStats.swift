import RESP
import RedisClient

/// One slot's figures from `CLUSTER SLOT-STATS` (Valkey 8.0+, Redis 8.2+): its keys, and where
/// the server tracks them (`cluster-slot-stats-enabled yes`) the CPU and network it cost. A
/// cluster's hot slots are the top 20 of one node's answer per metric, asked of every primary.
public struct SlotStats: Sendable, Hashable {
    /// What the server orders slots by.
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        case keyCount = "key-count"
        case cpu = "cpu-usec"
        case networkIn = "network-bytes-in"
        case networkOut = "network-bytes-out"
    }

    public var slot: Int
    public var keyCount: Int64
    /// Microseconds of CPU spent on the slot's commands; nil where the server does not track it.
    public var cpuMicroseconds: Int64?
    public var networkBytesIn: Int64?
    public var networkBytesOut: Int64?

    public init(slot: Int, keyCount: Int64, cpuMicroseconds: Int64? = nil, networkBytesIn: Int64? = nil, networkBytesOut: Int64? = nil) {
        self.slot = slot
        self.keyCount = keyCount
        self.cpuMicroseconds = cpuMicroseconds
        self.networkBytesIn = networkBytesIn
        self.networkBytesOut = networkBytesOut
    }

    /// `CLUSTER SLOT-STATS ORDERBY metric LIMIT limit` (highest first, this node's slots only).
    public static func command(orderBy metric: Metric, limit: Int = 20) -> RedisCommand {
        RedisCommand("CLUSTER", "SLOT-STATS", "ORDERBY", metric.rawValue, "LIMIT", limit)
    }

    /// Reads a reply: `[[slot, {key-count: n, cpu-usec: n, …}], …]` (the inner map a flat array in RESP2).
    /// - Returns: nil when the reply has another shape.
    public static func parse(_ reply: RESPValue) -> [SlotStats]? {
        guard let items = reply.array else { return nil }
        var stats: [SlotStats] = []
        for item in items {
            guard let parts = item.array, parts.count == 2, let slot = parts[0].int, let keys = parts[1]["key-count"]?.int else { return nil }
            stats.append(
                SlotStats(
                    slot: Int(slot), keyCount: keys, cpuMicroseconds: parts[1]["cpu-usec"]?.int,
                    networkBytesIn: parts[1]["network-bytes-in"]?.int, networkBytesOut: parts[1]["network-bytes-out"]?.int))
        }
        return stats
    }

    /// This node's top `limit` slots by `metric`.
    /// - Throws: `KeyspaceError` when the server refuses (not a cluster node, a metric it does not track, or no such command).
    public static func fetch(from connection: any RedisPipelining, orderBy metric: Metric = .keyCount, limit: Int = 20) async throws -> [SlotStats] {
        guard let stats = parse(try await connection.call(command(orderBy: metric, limit: limit))) else {
            throw KeyspaceError.unexpectedReply(command: "CLUSTER SLOT-STATS")
        }
        return stats
    }
}
