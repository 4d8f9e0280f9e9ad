import Foundation
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The doctor's fix for TTL-less keys through the mutation path: dry run, jittered TTLs on the
/// TTL-less keys only, undo back to no TTL, audit lines, read-only refusal.
@Suite("Add TTL with jitter", .timeLimit(.minutes(1)))
struct AddTTLFixTests {
    @Test("dry run counts 40, apply gives each a TTL in base±jitter, undo persists them again")
    func applyAndUndo() async throws {
        try await MutationFixture.with { fixture in
            let redis = fixture.redis
            try await redis.run(
                (0..<200).map { RedisCommand("SET", "user:\($0)", "v", "EX", 5000) }
                    + (200..<240).map { RedisCommand("SET", "user:\($0)", "v") }
                    + [RedisCommand("SET", "other:1", "v")])
            let service = fixture.service()
            let plan = try await service.dryRunMissingTTL(GlobPattern.prefix(Array("user:".utf8)))
            #expect(plan.count == 40)
            #expect(plan.memoryBytes > 0)
            let result = try await service.addTTLWithJitter(plan, seconds: 1000, jitter: 0.2, rate: 100_000, batchSize: 50)
            #expect(result.changed == 40)
            #expect(result.skipped == 200)
            for i in 200..<240 {
                let ttl = try await fixture.int("TTL", "user:\(i)")
                #expect((798...1200).contains(ttl), "user:\(i) TTL \(ttl)")
            }
            #expect((4990...5000).contains(try await fixture.int("TTL", "user:3")))
            #expect(try await fixture.int("TTL", "other:1") == -1)

            let undone = try #require(try await service.undo())
            #expect(undone.restored.count == 40)
            for i in 200..<240 { #expect(try await fixture.int("TTL", "user:\(i)") == -1) }
            #expect((4990...5000).contains(try await fixture.int("TTL", "user:3")))

            let lines = try fixture.auditLines()
            let expire = try #require(lines.first { $0["command"] as? String == "EXPIRE" })
            #expect(expire["keyCount"] as? Int == 40)
            #expect(expire["pattern"] as? String == "user:*")
            #expect((expire["detail"] as? String)?.contains("add-ttl seconds=1000 jitter=0.2") == true)
            let persist = try #require(lines.first { $0["command"] as? String == "PERSIST" })
            #expect(persist["keyCount"] as? Int == 40)
            #expect(persist["result"] as? String == "ok")
        }
    }

    @Test("the pre-7.0 path (PTTL check) gives the same result")
    func withoutExpireNX() async throws {
        try await MutationFixture.with { fixture in
            try await fixture.redis.run(
                (0..<10).map { RedisCommand("SET", "a:\($0)", "v", "EX", 900) }
                    + (10..<30).map { RedisCommand("SET", "a:\($0)", "v") })
            let service = fixture.service()
            await service.setExpireNXSupported(false)
            let plan = try await service.dryRunMissingTTL(GlobPattern("a:*"))
            let result = try await service.addTTLWithJitter(plan, seconds: 100, jitter: 0)
            #expect(result.changed == 20)
            #expect(try await fixture.int("TTL", "a:15") == 100)
            #expect((890...900).contains(try await fixture.int("TTL", "a:1")))
        }
    }

    @Test("read-only refuses the dry run and the change, and audits the refusal")
    func readOnly() async throws {
        try await MutationFixture.with { fixture in
            try await fixture.redis.run([RedisCommand("SET", "a:1", "v")])
            let service = fixture.service(readOnly: true)
            await #expect(throws: MutationError.readOnly) { _ = try await service.dryRunMissingTTL(GlobPattern("a:*")) }
            #expect(try await fixture.int("TTL", "a:1") == -1)
            #expect(try fixture.auditLines().contains { ($0["result"] as? String)?.contains("read-only") == true })
        }
    }
}
