import NIOCore
import RESP
import Testing

@testable import Inspector

/// A leaderboard read from its replies as RESP2 sends them (flat member, score pairs).
@Suite struct LeaderboardSnapshotParsingTests {
    static let key = Array("leaderboard:score".utf8)

    @Test func resp2FlatRepliesParse() throws {
        func bulk(_ s: String) -> RESPValue { .bulkString(ByteBuffer(string: s)) }
        let snap = try LeaderboardSnapshot(
            key: Self.key, time: 0, order: .descending,
            replies: [
                .array([bulk("alice"), bulk("100"), bulk("bob"), bulk("1.5e2")]), .integer(2), .simpleString(ByteBuffer(string: "zset")),
            ])
        #expect(snap.entries == [LeaderboardEntry(member: Array("alice".utf8), score: 100), LeaderboardEntry(member: Array("bob".utf8), score: 150)])
        #expect(throws: KeyspaceError.self) {
            try LeaderboardSnapshot(key: Self.key, time: 0, order: .descending, replies: [.array([bulk("alice")]), .integer(1), .simpleString(ByteBuffer(string: "zset"))])
        }
    }
}
