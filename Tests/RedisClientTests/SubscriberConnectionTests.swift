import LocalRedis
import NIOCore
import RESP
import Testing

@testable import RedisClient

/// Drains an inbox until `done` says what was gathered is enough (or the time is up).
struct InboxCollector {
    let inbox: PubSubInbox
    var messages: [PubSubMessage] = []
    var events: [SubscriberEvent] = []
    var received = 0

    init(_ inbox: PubSubInbox) { self.inbox = inbox }

    mutating func collect(timeout: Duration = .seconds(30), until done: (InboxCollector) -> Bool) async {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let batch = inbox.drain()
            messages += batch.messages
            events += batch.events
            received += batch.received
            if done(self) { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    func confirmed(_ kind: SubscriptionKind, _ name: String) -> Bool {
        events.contains { if case .subscribed(kind, Array(name.utf8), _) = $0 { return true } else { return false } }
    }

    var payloads: [String] { messages.map { String(buffer: $0.payload) } }
}

@Suite("Subscriber connection: subscribe, receive, resubscribe", .timeLimit(.minutes(2)))
struct SubscriberConnectionTests {
    static let fast = ReconnectPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(300))

    @Test("SUBSCRIBE, PSUBSCRIBE and SSUBSCRIBE receive, on RESP2 and RESP3", arguments: [2, 3])
    func receive(protocolVersion: Int) async throws {
        try await withRedis { server in
            let subscriber = SubscriberConnection(options: server.options(preferredProtocol: protocolVersion), policy: Self.fast)
            await subscriber.subscribe([Array("news".utf8)], kind: .channel)
            await subscriber.subscribe([Array("news.*".utf8)], kind: .pattern)
            await subscriber.subscribe([Array("orders".utf8)], kind: .shardChannel)
            var collector = InboxCollector(subscriber.inbox)
            await collector.collect { c in c.confirmed(.channel, "news") && c.confirmed(.pattern, "news.*") && c.confirmed(.shardChannel, "orders") }
            #expect(collector.confirmed(.channel, "news"))
            #expect(collector.confirmed(.shardChannel, "orders"))
            #expect(await subscriber.protocolVersion == protocolVersion)

            let publisher = try await RedisConnection.connect(server.options())
            #expect(try await publisher.send(RedisCommand("PUBLISH", "news", "hello\u{1b}[31m")).int == 1)
            #expect(try await publisher.send(RedisCommand("PUBLISH", "news.eu", "bonjour")).int == 1)
            #expect(try await publisher.send(RedisCommand("SPUBLISH", "orders", "order-1")).int == 1)
            await collector.collect { $0.messages.count >= 3 }
            await publisher.close()
            await subscriber.close()

            let plain = try #require(collector.messages.first { $0.kind == .channel })
            #expect(String(buffer: plain.channel) == "news")
            #expect(Array(plain.payload.readableBytesView) == Array("hello\u{1b}[31m".utf8))
            #expect(plain.pattern == nil)
            let patterned = try #require(collector.messages.first { $0.kind == .pattern })
            #expect(String(buffer: patterned.channel) == "news.eu")
            #expect(patterned.pattern.map { String(buffer: $0) } == "news.*")
            #expect(String(buffer: patterned.payload) == "bonjour")
            let sharded = try #require(collector.messages.first { $0.kind == .shardChannel })
            #expect(String(buffer: sharded.channel) == "orders")
            #expect(String(buffer: sharded.payload) == "order-1")
            #expect(collector.received == 3)
            #expect(sharded.receivedAt > 1_600_000_000 * 1_000_000_000)
        }
    }

    @Test("unsubscribing stops messages and is confirmed")
    func unsubscribe() async throws {
        try await withRedis { server in
            let subscriber = SubscriberConnection(options: server.options(), policy: Self.fast)
            await subscriber.subscribe([Array("a".utf8), Array("b".utf8)], kind: .channel)
            var collector = InboxCollector(subscriber.inbox)
            await collector.collect { $0.confirmed(.channel, "a") && $0.confirmed(.channel, "b") }
            await subscriber.unsubscribe([Array("a".utf8)], kind: .channel)
            await collector.collect { c in c.events.contains { if case .unsubscribed(.channel, _, 1) = $0 { return true } else { return false } } }
            let publisher = try await RedisConnection.connect(server.options())
            #expect(try await publisher.send(RedisCommand("PUBLISH", "a", "x")).int == 0)
            #expect(try await publisher.send(RedisCommand("PUBLISH", "b", "y")).int == 1)
            await collector.collect { $0.messages.count >= 1 }
            #expect(collector.payloads == ["y"])
            #expect(await subscriber.subscriptions[.channel] == [Array("b".utf8)])
            await publisher.close()
            await subscriber.close()
        }
    }

    @Test("after a restart it resubscribes and reports the gap")
    func resubscribeAfterRestart() async throws {
        try await withRedis { server in
            let subscriber = SubscriberConnection(options: server.options(), policy: Self.fast)
            await subscriber.subscribe([Array("news".utf8)], kind: .channel)
            var collector = InboxCollector(subscriber.inbox)
            await collector.collect { $0.confirmed(.channel, "news") }
            try server.restart()
            await collector.collect { c in c.events.contains { if case .gap = $0 { return true } else { return false } } }
            let gap = try #require(
                collector.events.compactMap { event -> PubSubGap? in
                    if case .gap(let gap) = event { return gap } else { return nil }
                }.first)
            #expect(gap.to >= gap.from)
            #expect(!gap.reason.isEmpty)
            #expect(collector.events.contains { if case .state(.reconnecting) = $0 { return true } else { return false } })
            // The new server has our subscription again: publish until it is counted.
            let publisher = try await RedisConnection.connect(server.options())
            var delivered: Int64 = 0
            for _ in 0..<200 where delivered == 0 {
                delivered = try await publisher.send(RedisCommand("PUBLISH", "news", "after")).int ?? 0
                if delivered == 0 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(delivered == 1)
            await collector.collect { $0.payloads.contains("after") }
            #expect(collector.payloads.contains("after"))
            await publisher.close()
            await subscriber.close()
        }
    }

    @Test("the inbox keeps the newest and counts them all")
    func inboxBounds() async throws {
        try await withRedis { server in
            let subscriber = SubscriberConnection(options: server.options(), inbox: PubSubInbox(capacity: 100), policy: Self.fast)
            await subscriber.subscribe([Array("flood".utf8)], kind: .channel)
            var collector = InboxCollector(subscriber.inbox)
            await collector.collect { $0.confirmed(.channel, "flood") }
            let publisher = try await RedisConnection.connect(server.options())
            _ = try await publisher.pipeline((0..<1000).map { RedisCommand("PUBLISH", "flood", "m\($0)") })
            // Let everything arrive before draining once.
            let deadline = ContinuousClock.now + .seconds(30)
            while subscriber.inbox.totalReceived < 1000, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            let batch = subscriber.inbox.drain()
            #expect(subscriber.inbox.totalReceived == 1000)
            #expect(batch.received == 1000)
            #expect(batch.messages.count == 100)
            #expect(batch.messages.last.map { String(buffer: $0.payload) } == "m999")
            #expect(batch.messages.first.map { String(buffer: $0.payload) } == "m900")
            #expect(batch.channelCounts[ByteBuffer(string: "flood")] == 1000)
            await publisher.close()
            await subscriber.close()
        }
    }
}

@Suite("Subscriber frame parser")
struct SubscriberFrameParserTests {
    @Test(
        "every prefix of a frame is incomplete; the whole frame parses",
        arguments: [
            "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n",
            ">4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$0\r\n\r\n",
            ">3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n",
            "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:-1\r\n",
        ])
    func prefixes(frame: String) throws {
        let bytes = Array(frame.utf8)
        for end in 0..<bytes.count {
            let outcome = bytes[0..<end].withUnsafeBytes { SubscriberFrameParser.parse($0, maxBulkLength: 1 << 20) }
            #expect(outcome == .incomplete, "prefix of \(end) bytes")
        }
        let whole = (bytes + Array("*1\r\n".utf8)).withUnsafeBytes { SubscriberFrameParser.parse($0, maxBulkLength: 1 << 20) }
        guard case .frame(let parsed) = whole else {
            Issue.record("not parsed: \(whole)")
            return
        }
        #expect(parsed.consumed == bytes.count)
        guard case .bulk(let offset, let length) = parsed.e0 else {
            Issue.record("no name")
            return
        }
        #expect(bytes.withUnsafeBytes { SubscriberFrameKind.classify($0, offset: offset, length: length) } != .unknown)
    }

    @Test("shapes it does not know go to the general decoder")
    func others() {
        for text in ["-ERR no\r\n", "*5\r\n", "*-1\r\n", "*2\r\n+OK\r\n", "%1\r\n", "*1\r\n$x\r\n"] {
            let outcome = Array(text.utf8).withUnsafeBytes { SubscriberFrameParser.parse($0, maxBulkLength: 1 << 20) }
            #expect(outcome == .other, "\(text.debugDescription)")
        }
    }
}
