import LocalRedis
import NIOCore
import RESP
import RedisClient
import Testing

@testable import Inspector

@Suite("Keyspace events: the setting, enabling and restoring, expired events")
struct KeyspaceEventsTests {
    @Test(
        "which flags are missing",
        arguments: [
            ("", "Exeg"), ("xE", "eg"), ("AE", ""), ("KA", "E"), ("Egxe", ""), ("gE", "xe"),
        ])
    func missing(flags: String, expected: String) {
        let setting = KeyspaceEventsSetting(flags: flags)
        #expect(String(setting.missing) == expected)
        #expect(setting.coversKeyEvents == expected.isEmpty)
        #expect(KeyspaceEventsSetting(flags: setting.enabled).coversKeyEvents)
    }

    @Test("off by default; enabled through the mutation path; an expiring key is seen; the old value restored")
    func enableSeeRestore() async throws {
        try await MutationFixture.with { f in
            let before = try await KeyspaceEventsSetting.fetch(from: f.redis.connection)
            #expect(before.isOff)
            #expect(!before.coversKeyEvents)

            // Read-only refuses.
            await #expect(throws: MutationError.readOnly) {
                try await f.service(readOnly: true).setKeyspaceEvents(before.enabled, previous: before.flags)
            }
            let service = f.service()
            try await service.setKeyspaceEvents(before.enabled, previous: before.flags)
            #expect(try await KeyspaceEventsSetting.fetch(from: f.redis.connection).coversKeyEvents)

            let subscriber = SubscriberConnection(options: ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: f.redis.server.port)))
            await subscriber.subscribe([Array(KeyspaceEventsSetting.pattern.utf8)], kind: .pattern)
            var log = MessageLog(capacity: 100)
            var subscribed = false
            let deadline = ContinuousClock.now + .seconds(30)
            while !subscribed, ContinuousClock.now < deadline {
                let batch = subscriber.inbox.drain()
                subscribed = batch.events.contains { if case .subscribed = $0 { return true } else { return false } }
                try await Task.sleep(for: .milliseconds(10))
            }
            _ = try await f.redis.connection.send(RedisCommand("SET", "session:1", "v", "PX", 50))
            _ = try await f.redis.connection.send(RedisCommand("SET", "gone", "v"))
            _ = try await f.redis.connection.send(RedisCommand("DEL", "gone"))
            func channels(_ log: MessageLog) -> [String: String] {
                var seen: [String: String] = [:]
                for case .message(let m) in log.entries { seen[String(decoding: m.channel, as: UTF8.self)] = String(decoding: m.payload, as: UTF8.self) }
                return seen
            }
            while channels(log)["__keyevent@0__:expired"] == nil, ContinuousClock.now < deadline {
                // Touching the key makes an expired key go at once, rather than at the next active expiry cycle.
                _ = try await f.redis.connection.send(RedisCommand("EXISTS", "session:1"))
                log.ingest(subscriber.inbox.drain(), now: 0)
                try await Task.sleep(for: .milliseconds(20))
            }
            await subscriber.close()
            #expect(channels(log)["__keyevent@0__:expired"] == "session:1")
            #expect(channels(log)["__keyevent@0__:del"] == "gone")

            try await service.setKeyspaceEvents(before.flags, previous: before.enabled)
            #expect(try await KeyspaceEventsSetting.fetch(from: f.redis.connection).flags == before.flags)
            let audit = try f.auditLines()
            #expect(audit.filter { ($0["command"] as? String) == "CONFIG SET" }.count >= 3)
        }
    }

    @Test("publish goes through the mutation path: refused read-only, audited")
    func publish() async throws {
        try await MutationFixture.with { f in
            await #expect(throws: MutationError.readOnly) {
                try await f.service(readOnly: true).publish(channel: Array("news".utf8), message: Array("x".utf8))
            }
            #expect(try await f.service().publish(channel: Array("news".utf8), message: Array("x".utf8)) == 0)
            let audit = try f.auditLines()
            #expect(audit.filter { ($0["command"] as? String) == "PUBLISH" }.count == 2)
        }
    }
}
