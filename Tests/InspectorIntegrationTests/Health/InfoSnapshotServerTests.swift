import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// INFO of the server under test: its own name and version.
@Suite struct InfoSnapshotServerTests {
    @Test("the server under test says the name and version its program does")
    func realServer() async throws {
        let binary = try ServerBinary.current()
        try await RedisFixture.with { fixture in
            let info = InfoSnapshot(parsing: try #require(try await fixture.connection.send(RedisCommand("INFO", "server")).string))
            #expect(info.serverName == binary.name)
            #expect(info.serverVersion == binary.version)
        }
    }
}
