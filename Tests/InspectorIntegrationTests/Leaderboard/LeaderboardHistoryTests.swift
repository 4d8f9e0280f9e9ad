import Foundation
import NIOCore
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The leaderboard watch against a real redis-server: ranks, movement and rates after ZINCRBY,
/// members entering, a key that vanishes or changes type, and a huge set read by its top only.
@Suite struct LeaderboardHistoryTests {
    static let key = Array("leaderboard:score".utf8)

    func snapshot(_ redis: RedisFixture, at time: Double, limit: Int = 10, order: LeaderboardOrder = .descending) async throws -> LeaderboardSnapshot {
        try await LeaderboardSnapshot.fetch(key: Self.key, limit: limit, order: order, from: redis.connection, time: time)
    }

    func member(_ history: LeaderboardHistory, _ name: String) throws -> LeaderboardRow {
        try #require(history.rows.first { $0.member == Array(name.utf8) })
    }

    @Test func movementAfterZincrby() async throws {
        try await RedisFixture.with { redis in
            _ = try await redis.send("ZADD", "leaderboard:score", 100, "alice", 90, "bob", 80, "carol")
            var history = LeaderboardHistory(interval: 1)
            history.record(try await snapshot(redis, at: 0))
            #expect(history.rows.map(\.rank) == [1, 2, 3])
            #expect(history.rows.map { String(decoding: $0.member, as: UTF8.self) } == ["alice", "bob", "carol"])
            #expect(history.rows.allSatisfy { $0.movement == .unknown && $0.deltaSinceLast == nil })
            #expect(history.latest?.cardinality == 3)

            _ = try await redis.send("ZINCRBY", "leaderboard:score", 50, "carol")
            _ = try await redis.send("ZADD", "leaderboard:score", 95, "dave")
            history.record(try await snapshot(redis, at: 1))
            let carol = try member(history, "carol")
            #expect(carol.rank == 1)
            #expect(carol.score == 130)
            #expect(carol.movement == .up(2))
            #expect(carol.deltaSinceLast == 50)
            #expect(carol.deltaPerMinute == 3000)
            #expect(try member(history, "alice").movement == .down(1))
            #expect(try member(history, "alice").deltaSinceLast == 0)
            #expect(try member(history, "dave").movement == .new)
            #expect(try member(history, "dave").rank == 3)
            #expect(try member(history, "bob").movement == .down(2))
            #expect(history.topMovers.map { String(decoding: $0.member, as: UTF8.self) } == ["carol"])

            // Unchanged refresh; the per-minute rate still looks back to the first snapshot.
            history.record(try await snapshot(redis, at: 31))
            #expect(try member(history, "carol").movement == .unchanged)
            #expect(try member(history, "carol").deltaSinceLast == 0)
            #expect(try member(history, "carol").deltaPerMinute == 50 / 31.0 * 60)
            #expect(history.topMovers.isEmpty)
        }
    }

    @Test func ascendingOrderUsesZrange() async throws {
        try await RedisFixture.with { redis in
            _ = try await redis.send("ZADD", "leaderboard:score", 100, "alice", 90, "bob", 80, "carol")
            let snap = try await snapshot(redis, at: 0, order: .ascending)
            #expect(snap.entries.map(\.score) == [80, 90, 100])
            #expect(try await LeaderboardSnapshot.rank(of: Array("alice".utf8), in: Self.key, order: .descending, from: redis.connection) == 1)
            #expect(try await LeaderboardSnapshot.rank(of: Array("alice".utf8), in: Self.key, order: .ascending, from: redis.connection) == 3)
            #expect(try await LeaderboardSnapshot.rank(of: Array("nobody".utf8), in: Self.key, order: .descending, from: redis.connection) == nil)
        }
    }

    @Test func vanishedKeyAndTypeChange() async throws {
        try await RedisFixture.with { redis in
            _ = try await redis.send("ZADD", "leaderboard:score", 100, "alice", 90, "bob")
            var history = LeaderboardHistory(interval: 1)
            history.record(try await snapshot(redis, at: 0))
            _ = try await redis.send("DEL", "leaderboard:score")
            let gone = try await snapshot(redis, at: 1)
            #expect(gone.status == .gone)
            history.record(gone)
            #expect(history.rows.isEmpty)
            #expect(history.latest?.status == .gone)

            _ = try await redis.send("SET", "leaderboard:score", "now a string")
            let changed = try await snapshot(redis, at: 2)
            #expect(changed.status == .wrongType("string"))
            history.record(changed)
            #expect(history.rows.isEmpty)

            _ = try await redis.send("DEL", "leaderboard:score")
            _ = try await redis.send("ZADD", "leaderboard:score", 100, "alice", 120, "erin")
            history.record(try await snapshot(redis, at: 3))
            // Compared with the last readable snapshot, before the key went away.
            #expect(try member(history, "erin").movement == .new)
            #expect(try member(history, "alice").movement == .down(1))
        }
    }

    @Test func hugeSetReadsOnlyTheTop() async throws {
        try await RedisFixture.with { redis in
            _ = try await redis.send("EVAL", "for i = 1, 1000000 do redis.call('ZADD', KEYS[1], i, 'm' .. i) end return 1", 1, "leaderboard:score")
            let snap = try await snapshot(redis, at: 0, limit: 5000)
            #expect(snap.cardinality == 1_000_000)
            #expect(snap.entries.count == LeaderboardSnapshot.maximumLimit)
            #expect(snap.entries.first == LeaderboardEntry(member: Array("m1000000".utf8), score: 1_000_000))
        }
    }
}
