import RedisClient

/// What the dashboard shows about a cluster's shape: per node address, its role, slot count and
/// health as the cluster reports them (the node rows' figures still come from each node's INFO).
public struct ClusterOverview: Sendable, Hashable {
    /// One node as the topology reports it.
    public struct Node: Sendable, Hashable {
        /// `host:port`, as `NodeHealth.address` spells it.
        public var address: String
        public var role: Role
        public var slots: Int
        public var health: Health
    }

    /// Primary (serves slots) or replica (copies a primary).
    public enum Role: String, Sendable, Hashable {
        case primary
        case replica
    }

    /// What the cluster says about a node.
    public enum Health: String, Sendable, Hashable {
        case online
        case failed
        case loading
        /// The cluster says nothing about health (`CLUSTER SLOTS`).
        case unknown

        init(_ health: ClusterNode.Health) {
            switch health {
            case .online: self = .online
            case .failed: self = .failed
            case .loading: self = .loading
            case .unknown: self = .unknown
            }
        }
    }

    /// Every node: primaries in slot order, each followed by its replicas.
    public var nodes: [Node]
    /// Slots served by some primary.
    public var coveredSlots: Int
    /// Primaries that serve slots.
    public var primaryCount: Int
    /// The topology summarised (slot ranges included, for routing by slot).
    public var topology: ClusterTopology

    /// Summarises a topology.
    public init(_ topology: ClusterTopology) {
        nodes = topology.shards.flatMap { shard in
            [Node(address: "\(shard.primary.endpoint)", role: .primary, slots: shard.slotCount, health: Health(shard.primary.health))]
                + shard.replicas.map { Node(address: "\($0.endpoint)", role: .replica, slots: 0, health: Health($0.health)) }
        }
        coveredSlots = topology.coveredSlots
        primaryCount = topology.servingShards.count
        self.topology = topology
    }

    /// The address of the primary serving `slot`, if one does.
    public func primaryAddress(forSlot slot: Int) -> String? {
        topology.shard(forSlot: slot).map { "\($0.primary.endpoint)" }
    }

    /// The address of the primary serving the slot of `key` (CRC16 with the `{hashtag}` rule):
    /// where a sharded channel of that name is served.
    public func primaryAddress(forKey key: [UInt8]) -> String? {
        primaryAddress(forSlot: HashSlot.of(key))
    }

    /// The node at `address`, if the cluster knows it.
    public func node(_ address: String) -> Node? { nodes.first { $0.address == address } }

    /// Addresses the cluster marks as failed.
    public var failedAddresses: [String] { nodes.filter { $0.health == .failed }.map(\.address) }
}
