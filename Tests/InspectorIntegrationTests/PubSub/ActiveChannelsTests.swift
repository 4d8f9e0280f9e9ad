import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

@Suite("Active channels: what other clients listen to, bounded")
struct ActiveChannelsTests {
    @Test("channels with their subscriber counts, busiest first; bytes kept; over the limit only counted")
    func listsAndBounds() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port))
        let connection = try await RedisConnection.connect(options)
        let odd: [UInt8] = [0x1b, 0x5b, 0x32, 0x4a, 0xff]
        var subscribers: [SubscriberConnection] = []
        for names in [[Array("orders".utf8)], [Array("orders".utf8), odd], [Array("orders".utf8)]] {
            let subscriber = SubscriberConnection(options: options, inbox: PubSubInbox(capacity: 4))
            await subscriber.subscribe(names, kind: .channel)
            subscribers.append(subscriber)
        }
        let patterned = SubscriberConnection(options: options, inbox: PubSubInbox(capacity: 4))
        await patterned.subscribe([Array("news.*".utf8)], kind: .pattern)
        subscribers.append(patterned)

        var active = try await ActiveChannels.fetch(from: connection)
        let deadline = ContinuousClock.now + .seconds(20)
        while (active.channels.first?.subscribers ?? 0) < 3 || active.patternCount < 1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            active = try await ActiveChannels.fetch(from: connection)
        }
        #expect(
            active.channels == [
                ActiveChannels.Channel(name: Array("orders".utf8), subscribers: 3),
                ActiveChannels.Channel(name: odd, subscribers: 1),
            ])
        #expect(active.channelCount == 2)
        #expect(active.patternCount == 1)
        #expect(!active.isTruncated)

        let bounded = try await ActiveChannels.fetch(from: connection, limit: 1)
        #expect(bounded.channels.isEmpty)
        #expect(bounded.channelCount == 2)
        #expect(bounded.isTruncated)

        for subscriber in subscribers { await subscriber.close() }
        await connection.close()
    }
}
