import RESP
import RedisClient

/// A cluster seen as one node whose reads go to replicas: keyed commands to a replica of their
/// slot, `SCAN` to one replica per shard. For the keys index and value reads when the operator
/// asks (`read_from_replicas = true`), so that looking does not load the primaries. Writes never
/// use it: mutations keep the cluster client itself.
public struct ClusterReplicaReads: RedisPipelining {
    public let cluster: ClusterClient

    public init(_ cluster: ClusterClient) { self.cluster = cluster }

    public func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        try await cluster.pipeline(commands, fromReplicas: true)
    }
}
