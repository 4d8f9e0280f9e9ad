import LocalRedis
import Testing

@testable import RedisClient

/// One local cluster (three primaries, one replica each) for every test of a suite: started
/// before the suite's first test, stopped by pid after its last.
struct SharedCluster: SuiteTrait, TestScoping {
    @TaskLocal static var current: LocalRedisCluster?

    var isRecursive: Bool { false }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> SharedCluster? {
        test.isSuite ? self : nil
    }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let cluster = try LocalRedisCluster.start(primaries: 3, replicasPerPrimary: 1)
        defer { cluster.stop() }
        try await Self.$current.withValue(cluster) { try await function() }
    }

    /// The suite's cluster.
    static func require() throws -> LocalRedisCluster {
        try #require(current, "the suite's cluster did not start")
    }
}

extension Trait where Self == SharedCluster {
    /// Starts one local cluster for the suite.
    static var sharedCluster: SharedCluster { SharedCluster() }
}

extension LocalRedisCluster.Node {
    var endpoint: RedisEndpoint { RedisEndpoint(host: "127.0.0.1", port: port) }
    var options: ConnectionOptions { ConnectionOptions(endpoint: endpoint, connectTimeout: .seconds(2), commandTimeout: .seconds(5)) }
}
