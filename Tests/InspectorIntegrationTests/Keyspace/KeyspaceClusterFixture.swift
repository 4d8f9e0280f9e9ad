// A private three-primary cluster on the server under test, with a connected client, for the keyspace walk tests.
import LocalRedis
import RESP
import RedisClient

@testable import Inspector

/// Three primaries, no replicas, started from the binary ``TestServerBinary`` chose, and a
/// `ClusterClient` on them. ``with(_:)`` always stops the nodes.
struct KeyspaceClusterFixture {
    let cluster: LocalRedisCluster
    let client: ClusterClient

    /// Runs `body` with a started cluster and always stops it.
    static func with<R>(_ body: (KeyspaceClusterFixture) async throws -> R) async throws -> R {
        try TestServerBinary.prepare()
        let cluster = try LocalRedisCluster.start(primaries: 3, replicasPerPrimary: 0)
        let client = ClusterClient(seeds: cluster.primaries.map { ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: $0.port)) })
        do {
            _ = try await client.connect()
            let result = try await body(KeyspaceClusterFixture(cluster: cluster, client: client))
            await client.close()
            cluster.stop()
            return result
        } catch {
            await client.close()
            cluster.stop()
            throw error
        }
    }

    /// Sends `commands` in pipelines of 5000, failing on any error reply.
    func fill(_ commands: [RedisCommand]) async throws {
        for start in stride(from: 0, to: commands.count, by: 5000) {
            for reply in try await client.pipeline(Array(commands[start..<min(start + 5000, commands.count)])) {
                if let message = reply.errorMessage { throw KeyspaceError.server(command: "fill", message: message) }
            }
        }
    }
}
