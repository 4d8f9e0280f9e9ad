import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The server pane's refresh with the newer servers' logs, on the server under test: COMMANDLOG's
/// three kinds on Valkey 8.1+, exactly the plain refresh elsewhere (and never slot stats outside a
/// cluster; ClusterKeyspaceTests+HotSlots covers them in one).
@Suite("Server snapshot on newer servers", .timeLimit(.minutes(1)))
struct ServerSnapshotNewerTests {
    @Test("COMMANDLOG joins the refresh where the server has it: large requests and replies beside the slow log")
    func commandLogInSnapshot() async throws {
        let binary = try ServerBinary.current()
        let arguments =
            binary.name == "valkey" && binary.isAtLeast(8, 1)
            ? ["--commandlog-request-larger-than", "200", "--commandlog-reply-larger-than", "200", "--slowlog-log-slower-than", "0"] : ["--slowlog-log-slower-than", "0"]
        try await RedisFixture.with(arguments) { redis in
            let features = try await ServerFeatures.detect(redis.connection)
            try await redis.run([RedisCommand("SET", "page:home", String(repeating: "x", count: 1000))])
            _ = try await redis.connection.send(RedisCommand("GET", "page:home"))
            let snapshot = try await ServerSnapshot.fetch(from: redis.connection, features: features, clustered: false)
            #expect(!snapshot.slowlog.isEmpty, "\(binary)")
            #expect(snapshot.hotSlots == nil, "\(binary): slot stats are asked in a cluster only")
            #expect(snapshot.errors.isEmpty, "\(binary): \(snapshot.errors)")
            guard features.commandLog else {
                #expect(snapshot.commandLog == nil, "\(binary)")
                #expect(ServerSnapshot.newerCommands(features: features, clustered: false).isEmpty, "\(binary): the plain refresh")
                return
            }
            let log = try #require(snapshot.commandLog, "\(binary)")
            let request = try #require(log.entries[.largeRequest]?.first { $0.commandName == "SET" }, "\(binary)")
            #expect(request.durationMicroseconds >= 1000, "\(binary): the request's size in bytes")
            #expect(log.entries[.largeReply]?.contains { $0.commandName == "GET" } == true, "\(binary)")
            #expect(log.entries[.slow]?.isEmpty == false, "\(binary)")
        }
    }
}
