import Foundation
import RedisClient
import Testing

@testable import Inspector

/// The leaderboard's offer reads sorted set sizes with one ZCARD a key, in one pipeline.
@Suite struct SortedSetSizesTests {
    @Test func sizesInOrderWithGoneAndWrongTypeAsNil() async throws {
        try await RedisFixture.with { redis in
            _ = try await redis.send("ZADD", "leaderboard:score", 100, "alice", 90, "bob", 80, "carol")
            _ = try await redis.send("ZADD", "leaderboard:weekly", 1, "dave")
            _ = try await redis.send("SET", "plain", "x")
            let keys = ["leaderboard:weekly", "gone", "plain", "leaderboard:score"].map { Array($0.utf8) }
            let sizes = try await SortedSetSizes.fetch(keys, from: redis.connection)
            #expect(sizes == [1, nil, nil, 3])
            #expect(try await SortedSetSizes.fetch([], from: redis.connection).isEmpty)
        }
    }
}
