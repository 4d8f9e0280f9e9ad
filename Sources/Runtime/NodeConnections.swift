// The node-connection registry: which connection each kind of work on a node uses.
import Inspector
import RedisClient

/// Every connection the dashboard holds, per node.
///
/// - The sampling connection carries only the health samples, so nothing queues in front of
///   them and distorts their latency.
/// - The keyspace connection carries scans, value reads, polls and changes (made on first use).
/// - The lookup connection carries the keys index's lookups, overlapping the next `SCAN`.
/// - In cluster mode, commands about one key go through the cluster client (the slot's owner,
///   or a replica of it with `read_from_replicas`).
///
/// Owned by the runtime actor; nodes are indices into `AppState.nodes`.
final class NodeConnections {
    /// One sampling connection per node, in `AppState.nodes` order.
    private(set) var sampling: [ManagedConnection]
    /// In cluster mode, the client that routes by slot and follows the topology; nil otherwise.
    let cluster: ClusterClient?
    /// In Sentinel mode, the client that finds the primary and lists the group; nil otherwise.
    let sentinel: SentinelClient?
    let readFromReplicas: Bool
    private var keyspace: [Int: ManagedConnection] = [:]
    private var lookups: [Int: ManagedConnection] = [:]

    init(sampling: [ManagedConnection], cluster: ClusterClient?, sentinel: SentinelClient? = nil, readFromReplicas: Bool) {
        self.sampling = sampling
        self.cluster = cluster
        self.sentinel = sentinel
        self.readFromReplicas = readFromReplicas
    }

    /// Whether node `node` exists.
    func contains(_ node: Int) -> Bool { sampling.indices.contains(node) }

    /// How node `node` is reached.
    func options(_ node: Int) -> ConnectionOptions { sampling[node].options }

    /// Node `node`'s address, as labels show it.
    func label(_ node: Int) -> String { "\(sampling[node].options.endpoint)" }

    /// Node `node`'s connection for scans, reads and changes.
    func keyspaceConnection(_ node: Int) -> ManagedConnection {
        if let existing = keyspace[node] { return existing }
        let connection = ManagedConnection(options: sampling[node].options)
        keyspace[node] = connection
        return connection
    }

    /// Node `node`'s connection for the keys index's lookups.
    func lookupConnection(_ node: Int) -> ManagedConnection {
        if let existing = lookups[node] { return existing }
        let connection = ManagedConnection(options: sampling[node].options)
        lookups[node] = connection
        return connection
    }

    /// The connections a scan of node `node` uses, made so far: one for SCAN, one for lookups.
    func scanConnections(_ node: Int) -> [ManagedConnection] {
        [keyspaceConnection(node)] + (lookups[node].map { [$0] } ?? [])
    }

    /// Where commands about one key go: in cluster mode the cluster (the key's slot owner
    /// answers), otherwise node `node`'s keyspace connection.
    func keyedConnection(_ node: Int) -> any RedisPipelining {
        if let cluster { return readFromReplicas ? ClusterReplicaReads(cluster) : cluster }
        return keyspaceConnection(node)
    }

    /// Whether a node at `endpoint` is known.
    func knows(_ endpoint: RedisEndpoint) -> Bool {
        sampling.contains { $0.endpoint == endpoint }
    }

    /// Adds a node (one the cluster topology or the sentinels revealed).
    /// - Returns: its index.
    func add(_ connection: ManagedConnection) -> Int {
        sampling.append(connection)
        return sampling.count - 1
    }

    /// Closes every connection and the cluster client.
    nonisolated(nonsending) func closeAll() async {
        let all = sampling + Array(keyspace.values) + Array(lookups.values)
        await withTaskGroup(of: Void.self) { group in
            for connection in all { group.addTask { await connection.close() } }
        }
        await cluster?.close()
        await sentinel?.close()
    }
}
