// `cachescope snapshot --keys --json` read back: the keyspace's totals and prefixes with their intervals.

/// One keyspace report as `snapshot --keys --json` writes it (see
/// ``KeyspaceEstimates/json(nodes:maxChildren:)``): exact figures have low = high = value.
public struct KeyspaceSnapshot: Sendable, Decodable, Equatable {
    /// One prefix of the tree (text up to and including the delimiter).
    public struct Prefix: Sendable, Decodable, Equatable {
        public var prefix: String
        public var depth: Int
        public var keys: Int, keysLow: Int, keysHigh: Int
        public var memory: Int, memoryLow: Int, memoryHigh: Int
        public var withoutTTL: Int, withoutTTLLow: Int, withoutTTLHigh: Int
    }

    /// One node the walk visited.
    public struct Node: Sendable, Decodable, Equatable {
        public var node: String
        public var visitedFraction: Double
        public var dbsize: Int
    }

    public var visitedFraction: Double
    public var exact: Bool
    public var keys: Int, keysLow: Int, keysHigh: Int
    public var memory: Int, memoryLow: Int, memoryHigh: Int
    public var withoutTTL: Int, withoutTTLLow: Int, withoutTTLHigh: Int
    public var prefixes: [Prefix]
    public var nodes: [Node]

    /// The nodes walked, as one name (a cluster's report covers every shard).
    public var label: String { nodes.isEmpty ? "keyspace" : nodes.map(\.node).sorted().joined(separator: ",") }
}
