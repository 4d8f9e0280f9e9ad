import LocalRedis
import RedisClient
import Testing

/// One local cluster (three primaries, one replica each) for every test of a suite: started
/// before the suite's first test, stopped by pid after its last.
struct InspectorSharedCluster: SuiteTrait, TestScoping {
    @TaskLocal static var current: LocalRedisCluster?

    var isRecursive: Bool { false }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> InspectorSharedCluster? {
        test.isSuite ? self : nil
    }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let cluster = try LocalRedisCluster.start(primaries: 3, replicasPerPrimary: 1)
        defer { cluster.stop() }
        try await Self.$current.withValue(cluster) { try await function() }
    }

    /// A connected client for the suite's cluster.
    static func client() async throws -> ClusterClient {
        let cluster = try #require(current, "the suite's cluster did not start")
        let client = ClusterClient(seeds: cluster.primaries.map { ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: $0.port)) })
        try await client.connect()
        return client
    }
}
