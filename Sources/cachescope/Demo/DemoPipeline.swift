import RESP
import RedisClient

/// Where the demo writes its world and traffic: one node's connection, or a whole cluster
/// (commands routed by slot).
protocol DemoPipeline: Sendable {
    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue]
}

extension RedisConnection: DemoPipeline {}
extension ClusterClient: DemoPipeline {}
