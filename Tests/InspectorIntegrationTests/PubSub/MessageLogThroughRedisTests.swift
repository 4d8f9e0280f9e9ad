import LocalRedis
import NIOCore
import RESP
import RedisClient
import Testing

@testable import Inspector

@Suite("Message log: ring bounds through a real subscriber")
struct MessageLogThroughRedisTests {
    @Test("capacity 100, 1000 published through a real subscriber: 1000 counted, the newest 100 shown")
    func ringBoundsThroughRedis() async throws {
        try await RedisFixture.with { redis in
            let subscriber = SubscriberConnection(
                options: ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: redis.server.port)),
                inbox: PubSubInbox(capacity: 100))
            await subscriber.subscribe([Array("flood".utf8)], kind: .channel)
            var log = MessageLog(capacity: 100)
            // Wait for the confirmation before publishing.
            let deadline = ContinuousClock.now + .seconds(30)
            var confirmed = false
            while !confirmed, ContinuousClock.now < deadline {
                let batch = subscriber.inbox.drain()
                confirmed = batch.events.contains { if case .subscribed = $0 { return true } else { return false } }
                log.ingest(batch, now: 0)
                if !confirmed { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(confirmed)
            // Drained as the app does, every 10 ms, while a pipeline of 1000 is published.
            _ = try await redis.connection.pipeline((0..<1000).map { RedisCommand("PUBLISH", "flood", "m\($0)") })
            while log.totalCounted < 1000, ContinuousClock.now < deadline {
                log.ingest(subscriber.inbox.drain(), now: 0.5)
                try await Task.sleep(for: .milliseconds(10))
            }
            await subscriber.close()
            #expect(log.totalCounted == 1000)
            #expect(log.entries.count == 100)
            #expect(log.channelCounts[Array("flood".utf8)] == 1000)
            let payloads = log.entries.compactMap { entry -> String? in
                if case .message(let m) = entry { return String(decoding: m.payload, as: UTF8.self) } else { return nil }
            }
            #expect(payloads == (900..<1000).map { "m\($0)" })
        }
    }
}
