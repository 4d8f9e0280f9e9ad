/// One node of a Redis Cluster as the topology reports it.
public struct ClusterNode: Sendable, Hashable, CustomStringConvertible {
    /// Primary (serves slots) or replica (copies a primary).
    public enum Role: String, Sendable, Hashable {
        case primary
        case replica
    }

    /// What the cluster says about the node (`CLUSTER SHARDS` `health`).
    public enum Health: String, Sendable, Hashable {
        case online
        case failed
        case loading
        /// `CLUSTER SLOTS` says nothing about health.
        case unknown

        /// Reads `CLUSTER SHARDS`' `health` (Redis 7.0 says `fail`, the documentation `failed`).
        public init(reported: String) {
            switch reported {
            case "online": self = .online
            case "fail", "failed": self = .failed
            case "loading": self = .loading
            default: self = .unknown
            }
        }
    }

    /// The node id (40 hex characters); may be empty when the reply did not carry it.
    public var id: String
    /// Where clients reach it.
    public var endpoint: RedisEndpoint
    public var role: Role
    public var health: Health

    /// Creates a node.
    public init(id: String, endpoint: RedisEndpoint, role: Role, health: Health = .unknown) {
        self.id = id
        self.endpoint = endpoint
        self.role = role
        self.health = health
    }

    /// `127.0.0.1:7000 primary online`.
    public var description: String { "\(endpoint) \(role.rawValue) \(health.rawValue)" }
}

/// One primary with its replicas and the slot ranges it serves.
public struct ClusterShard: Sendable, Hashable {
    public var primary: ClusterNode
    public var replicas: [ClusterNode]
    /// Slot ranges, in the order the server gave them.
    public var slotRanges: [ClosedRange<Int>]

    /// Creates a shard.
    public init(primary: ClusterNode, replicas: [ClusterNode] = [], slotRanges: [ClosedRange<Int>]) {
        self.primary = primary
        self.replicas = replicas
        self.slotRanges = slotRanges
    }

    /// How many slots the shard serves.
    public var slotCount: Int { slotRanges.reduce(0) { $0 + $1.count } }

    /// The lowest slot served (`Int.max` when none): a stable order of shards across failovers.
    public var firstSlot: Int { slotRanges.map(\.lowerBound).min() ?? Int.max }
}
