import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// Single-key changes and undo, as the server sees them.
@Suite struct MutationServiceTests {
    @Test func expireAndPersistAreSeenByTheServerAndReadBack() async throws {
        try await MutationFixture.with { f in
            _ = try await f.redis.send("SET", "user:1", "alice")
            let service = f.service()
            let expired = try await service.expire(Array("user:1".utf8), seconds: 100)
            #expect(expired.changed)
            #expect((99_000...100_000).contains(expired.pttl))
            #expect(expired.ttl?.remainingMilliseconds(at: expired.readAt) == expired.pttl)
            #expect((99...100).contains(try await f.int("TTL", "user:1")))

            let persisted = try await service.persist(Array("user:1".utf8))
            #expect(persisted.changed)
            #expect(persisted.pttl == -1)
            #expect(persisted.ttl == .persistent)
            #expect(try await f.int("TTL", "user:1") == -1)

            let again = try await service.persist(Array("user:1".utf8))
            #expect(!again.changed)
            let missing = try await service.expire(Array("user:none".utf8), seconds: 10)
            #expect(!missing.changed)
            #expect(missing.pttl == -2)
            #expect(missing.ttl == nil)
            await #expect(throws: MutationError.self) { try await service.expire(Array("user:1".utf8), seconds: 0) }
        }
    }

    @Test func deleteThenUndoRestoresValueAndRemainingTTL() async throws {
        try await MutationFixture.with { f in
            _ = try await f.redis.send("SET", "session:1", "token", "EX", 100)
            _ = try await f.redis.send("HSET", "user:1", "name", "alice", "plan", "pro")
            let service = f.service()
            let plan = try await service.prepareDelete([Array("session:1".utf8), Array("user:1".utf8), Array("nope".utf8)])
            #expect(plan.count == 2)
            #expect(plan.undoableCount == 2)
            #expect(plan.notUndoableCount == 0)
            #expect(plan.missing == [Array("nope".utf8)])
            let outcome = try await service.delete(plan)
            #expect(outcome.deleted == 2)
            #expect(outcome.undoable == 2)
            #expect(try await f.int("EXISTS", "session:1", "user:1") == 0)
            #expect(await service.undoDepth == 1)

            try await Task.sleep(for: .milliseconds(300))
            let undone = try #require(try await service.undo())
            #expect(Set(undone.restored) == [Array("session:1".utf8), Array("user:1".utf8)])
            #expect(try await f.redis.send("GET", "session:1").string == "token")
            #expect(try await f.redis.send("HGET", "user:1", "plan").string == "pro")
            // The TTL left at deletion minus the time since: never longer than it was.
            let pttl = try await f.int("PTTL", "session:1")
            #expect(pttl > 90_000 && pttl <= 99_700, "PTTL \(pttl)")
            #expect(try await f.int("TTL", "user:1") == -1)
            #expect(try await service.undo() == nil)
        }
    }

    @Test func undoNeverOverwritesAKeyThatReappeared() async throws {
        try await MutationFixture.with { f in
            _ = try await f.redis.send("SET", "page:home", "old")
            let service = f.service()
            #expect(try await service.delete(Array("page:home".utf8)).deleted == 1)
            _ = try await f.redis.send("SET", "page:home", "new")
            let first = try #require(try await service.undo())
            #expect(first.restored.isEmpty)
            #expect(first.existsAgain == [Array("page:home".utf8)])
            #expect(first.summary.contains("exists again, not restored"))
            #expect(try await f.redis.send("GET", "page:home").string == "new")
            // Only when asked explicitly: REPLACE.
            let forced = try #require(try await service.undo(overwrite: true))
            #expect(forced.restored == [Array("page:home".utf8)])
            #expect(try await f.redis.send("GET", "page:home").string == "old")
        }
    }

    @Test func undoDoesNotBringBackAKeyWhoseTTLRanOut() async throws {
        try await MutationFixture.with { f in
            _ = try await f.redis.send("SET", "flash:1", "x", "PX", 1500)
            let service = f.service()
            #expect(try await service.delete(Array("flash:1".utf8)).deleted == 1)
            try await Task.sleep(for: .milliseconds(1700))
            let undone = try #require(try await service.undo())
            #expect(undone.expired == [Array("flash:1".utf8)])
            #expect(undone.restored.isEmpty)
            #expect(try await f.int("EXISTS", "flash:1") == 0)
        }
    }

    @Test func keysTooLargeForTheUndoBudgetAreReportedBeforeConfirming() async throws {
        try await MutationFixture.with { f in
            _ = try await f.redis.send("SET", "small", "x")
            _ = try await f.redis.send("SET", "big", String(repeating: "b", count: 20_000))
            let service = f.service(undoBudget: 4096)
            let plan = try await service.prepareDelete([Array("small".utf8), Array("big".utf8)])
            #expect(plan.undoable == [Array("small".utf8)])
            #expect(plan.notUndoable == [Array("big".utf8)])
            #expect(plan.notUndoableBytes >= 20_000)
            let outcome = try await service.delete(plan)
            #expect(outcome.deleted == 2)
            #expect(outcome.notUndoable == [Array("big".utf8)])
            let undone = try #require(try await service.undo())
            #expect(undone.restored == [Array("small".utf8)])
            #expect(try await f.int("EXISTS", "small", "big") == 1)
        }
    }
    @Test func aKeyOverTheDumpCeilingIsNotUndoableEvenWithALargeBudget() async throws {
        try await MutationFixture.with { f in
            // A 32 MiB key is kept; one over the per-key ceiling (64 MiB) is not, even when
            // the configured budget would hold it, because its DUMP reply could exceed the reply bound.
            let ceiling = MutationService.maxUndoKeyBytes
            #expect(ceiling == RESPDecoder.Limits.defaultMaxBulkLength / 2)
            // Keys of at most half the reply bound are DUMPed, so the default undo budget's worth always fits.
            #expect(ceiling * 2 <= RESPDecoder.Limits.default.maxBulkLength)
            #expect(ceiling >= 64 << 20)
            _ = try await f.redis.send("SETRANGE", "fits", "\((32 << 20) - 1)", "x")
            _ = try await f.redis.send("SETRANGE", "huge", "\(ceiling + 1)", "x")
            let service = f.service(undoBudget: 1 << 30)
            let plan = try await service.prepareDelete([Array("fits".utf8), Array("huge".utf8)])
            #expect(plan.undoable == [Array("fits".utf8)])
            #expect(plan.notUndoable == [Array("huge".utf8)])
            let outcome = try await service.delete(plan)
            #expect(outcome.deleted == 2)
            #expect(outcome.undoable == 1)
            let undone = try #require(try await service.undo())
            #expect(undone.restored == [Array("fits".utf8)])
            #expect(try await f.int("STRLEN", "fits") == 32 << 20)
        }
    }
}
