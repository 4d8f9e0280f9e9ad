import Foundation
import LocalRedis
import RESP
import RedisClient
import Synchronization
import Testing

@testable import Inspector

/// Changes by pattern against a real redis-server: exact counts, nothing outside the pattern
/// touched, abort midway, undo within the budget, TTLs only where there were none.
@Suite struct BulkMutationTests {
    @Test func bulkDeleteOf100kKeysLeavesEveryOtherKeyAndMatchesTheDryRun() async throws {
        try await MutationFixture.with { f in
            try await f.redis.run(MutationFixture.sets("session:", 100_000))
            try await f.redis.run(
                MutationFixture.sets("user:", 500) + MutationFixture.sets("other:session:", 500)
                    + [RedisCommand("SET", "session", "x"), RedisCommand("HSET", "sessions", "a", "b")])
            let service = f.service()
            let plan = try await service.dryRun(GlobPattern("session:*"))
            #expect(plan.count == 100_000)
            #expect(plan.memoryBytes >= 100_000 * 16)
            #expect(plan.sample.count == 20)
            #expect(plan.sample.allSatisfy { GlobPattern("session:*").matches($0) })
            #expect(plan.estimatedNotUndoable == 0)
            #expect(plan.confirmationWord == "\(f.node)/db0")
            #expect(try await f.int("DBSIZE") == 101_002, "a dry run changes nothing")

            let reports = Mutex(0)
            let result = try await service.deleteMatching(plan, rate: 10_000_000, batchSize: 1000) { _ in
                reports.withLock { $0 += 1 }
            }
            #expect(!result.aborted)
            #expect(result.changed == plan.count)
            #expect(result.undoable == 100_000)
            #expect(reports.withLock { $0 } >= 100)
            #expect(try await f.redis.scanKeys(matching: "session:*").isEmpty)
            #expect(try await f.int("DBSIZE") == 1002)
            #expect(try await f.redis.scanKeys(matching: "other:session:*").count == 500)
            #expect(try await f.redis.scanKeys(matching: "user:*").count == 500)

            // The whole run is one undo.
            let undone = try #require(try await service.undo())
            #expect(undone.restored.count == 100_000)
            #expect(try await f.int("DBSIZE") == 101_002)
        }
    }

    @Test func cancellingMidwayReportsAPartialCountAndLeavesTheRest() async throws {
        try await MutationFixture.with { f in
            try await f.redis.run(MutationFixture.sets("cache:page:", 20_000))
            let service = f.service()
            let plan = try await service.dryRun(GlobPattern("cache:page:*"))
            let task = Task { try await service.deleteMatching(plan, rate: 4000, batchSize: 500) }
            try await Task.sleep(for: .milliseconds(1200))
            task.cancel()
            let result = try await task.value
            #expect(result.aborted)
            #expect(result.changed > 0 && result.changed < 20_000, "deleted \(result.changed)")
            #expect(try await f.int("DBSIZE") == Int64(20_000 - result.changed))
            #expect(result.summary.hasPrefix("aborted"))
            let last = try #require(try f.auditLines().last)
            #expect(last["result"] as? String == "aborted")
            #expect(last["keyCount"] as? Int == result.changed)
        }
    }

    @Test func bulkDeleteBeyondTheUndoBudgetSaysHowManyCannotBeUndone() async throws {
        try await MutationFixture.with { f in
            try await f.redis.run(MutationFixture.sets("blob:", 200, value: String(repeating: "z", count: 1000)))
            let service = f.service(undoBudget: 50_000)
            let plan = try await service.dryRun(GlobPattern("blob:*"))
            #expect(plan.count == 200)
            #expect(plan.estimatedUndoable > 0 && plan.estimatedNotUndoable > 0)
            let result = try await service.deleteMatching(plan, rate: 1_000_000, batchSize: 50)
            #expect(result.changed == 200)
            #expect(result.undoable > 0 && result.notUndoable > 0)
            #expect(result.undoable + result.notUndoable == 200)
            #expect(result.undoable >= plan.estimatedUndoable, "the estimate is conservative")
            let undone = try #require(try await service.undo())
            #expect(undone.restored.count == result.undoable)
            #expect(try await f.int("DBSIZE") == Int64(result.undoable))
        }
    }

    @Test(arguments: [true, false])
    func expireMatchingGivesJitteredTTLsOnlyToKeysWithoutOne(expireNX: Bool) async throws {
        try await MutationFixture.with { f in
            try await f.redis.run(
                MutationFixture.sets("cache:user:", 1000)
                    + MutationFixture.sets("cache:ttl:", 100, extra: ["EX", "5000"])
                    + MutationFixture.sets("other:", 100))
            let service = f.service()
            await service.setExpireNXSupported(expireNX)
            let plan = try await service.dryRun(GlobPattern("cache:*"))
            #expect(plan.count == 1100)
            let result = try await service.expireMatching(plan, seconds: 1000, jitter: 0.1, rate: 1_000_000, batchSize: 200)
            #expect(result.changed == 1000)
            #expect(result.skipped == 100)
            let ttls = try await f.redis.connection.pipeline((0..<1000).map { RedisCommand("TTL", "cache:user:\($0)") }).map { $0.int ?? -3 }
            let low = try #require(ttls.min())
            let high = try #require(ttls.max())
            // ±10% of 1000 s, less the seconds the run and the reads took on a busy machine.
            #expect(low >= 890 && high <= 1100, "TTLs \(low)…\(high) outside ±10%")
            #expect(low < 960 && high > 1040, "TTLs \(low)…\(high) are not spread")
            let kept = try await f.redis.connection.pipeline((0..<100).map { RedisCommand("TTL", "cache:ttl:\($0)") }).map { $0.int ?? -3 }
            #expect(kept.allSatisfy { $0 > 4900 }, "existing TTLs untouched")
            let others = try await f.redis.connection.pipeline((0..<100).map { RedisCommand("TTL", "other:\($0)") }).map { $0.int ?? -3 }
            #expect(others.allSatisfy { $0 == -1 }, "keys outside the pattern untouched")
        }
    }

    @Test func aConnectionLostMidwayReportsTheCountCompleted() async throws {
        try await MutationFixture.with { f in
            try await f.redis.run(MutationFixture.sets("job:", 5000))
            let service = f.service()
            let plan = try await service.dryRun(GlobPattern("job:*"))
            // Fails every pipeline after the first 12 (SCAN, MEMORY USAGE, DUMP+UNLINK … per batch).
            let flaky = flakyService(after: 12, f)
            do {
                _ = try await flaky.deleteMatching(plan, rate: 1_000_000, batchSize: 500)
                Issue.record("expected an interruption")
            } catch let error as MutationError {
                guard case .interrupted(_, let command, let completed, _, _) = error else {
                    Issue.record("\(error)")
                    return
                }
                #expect(command == "UNLINK")
                #expect(completed > 0 && completed < 5000)
                #expect(try await f.int("DBSIZE") == Int64(5000 - completed))
                #expect(error.description.contains("after \(completed) keys"))
                #expect(error.description.contains("the rest was not touched"))
            }
        }
    }

    private func flakyService(after calls: Int, _ f: MutationFixture) -> MutationService {
        f.service(connection: FailingConnection(inner: f.redis.connection, remaining: calls))
    }
}

/// Passes `remaining` pipelines through, then fails every one like a dropped connection.
private final class FailingConnection: RedisPipelining {
    let inner: RedisConnection
    let remaining: Mutex<Int>

    init(inner: RedisConnection, remaining: Int) {
        self.inner = inner
        self.remaining = Mutex(remaining)
    }

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        let allowed = remaining.withLock { n in
            n -= 1
            return n >= 0
        }
        guard allowed else { throw RedisError(.closed, "connection closed", endpoint: inner.endpoint) }
        return try await inner.pipeline(commands)
    }
}
