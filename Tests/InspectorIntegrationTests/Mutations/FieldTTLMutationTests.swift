import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// `e` and `p` on a hash field go through the one mutation path: read-only refusal, undo of the
/// field's TTL (and value), the audit log. Servers without field TTLs refuse, and that is checked too.
@Suite("Hash field TTLs through the mutation path", .timeLimit(.minutes(1)))
struct FieldTTLMutationTests {
    let key = Array("session:abc".utf8)
    let token = Array("token".utf8)

    func fieldTTL(_ f: MutationFixture) async throws -> Int64 {
        try #require(try await f.redis.connection.send(RedisCommand("HPTTL", key, "FIELDS", 1, token)).array?.first?.int)
    }

    @Test("expire and persist a field, each undone; a field that expired comes back with its value; audited; refused read-only")
    func expireAndPersist() async throws {
        try await MutationFixture.with { f in
            try await f.redis.run([RedisCommand("HSET", "session:abc", "token", "t-1", "user", "42")])
            let service = f.service()
            guard try await ServerFeatures.detect(f.redis.connection).hashFieldTTLs else {
                await #expect(throws: MutationError.self) { _ = try await service.expireField(key, field: token, seconds: 60) }
                return
            }
            await #expect(throws: MutationError.readOnly) { _ = try await f.service(readOnly: true).expireField(key, field: token, seconds: 60) }

            let expired = try await service.expireField(key, field: token, seconds: 60)
            #expect(expired.changed)
            #expect((55_000...60_000).contains(expired.ttl?.remainingMilliseconds(at: expired.readAt) ?? 0))
            #expect(try await service.undo()?.restored == [key])
            #expect(try await fieldTTL(f) == -1)

            try await f.redis.run([RedisCommand("HPEXPIRE", "session:abc", 30_000, "FIELDS", 1, "token")])
            let persisted = try await service.persistField(key, field: token)
            #expect(persisted.changed && persisted.ttl == .persistent)
            _ = try await service.undo()
            #expect((1...30_000).contains(try await fieldTTL(f)))

            // A TTL set too short: the field expires, and undo brings back its value and old TTL.
            _ = try await service.expireField(key, field: token, seconds: 1)
            try await Task.sleep(for: .milliseconds(1300))
            #expect(try await f.int("HEXISTS", "session:abc", "token") == 0)
            #expect(try await service.undo()?.restored == [key])
            #expect(try await f.redis.connection.send(RedisCommand("HGET", "session:abc", "token")).string == "t-1")
            #expect((1...30_000).contains(try await fieldTTL(f)))
            #expect(try await f.redis.connection.send(RedisCommand("HGET", "session:abc", "user")).string == "42")

            let lines = try f.auditLines()
            #expect(lines.contains { $0["command"] as? String == "HEXPIRE" && $0["result"] as? String == "refused: read-only" })
            #expect(lines.contains { $0["command"] as? String == "HEXPIRE" && ($0["detail"] as? String) == "field=token seconds=60" && $0["result"] as? String == "ok" })
            #expect(lines.contains { $0["command"] as? String == "HPERSIST" && ($0["detail"] as? String) == "field=token" })
            #expect(lines.contains { ($0["detail"] as? String)?.hasPrefix("undo field=token restored 1") == true })
        }
    }
}
