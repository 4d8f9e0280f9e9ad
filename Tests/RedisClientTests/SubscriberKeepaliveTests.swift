import LocalRedis
import NIOCore
import RESP
import Testing

@testable import RedisClient

/// A subscribed connection that goes silent (a partition without a reset, here a server that holds
/// every reply) is found out by its keepalive PING and replaced, and the gap is reported; an idle
/// one that answers its PINGs is left alone.
@Suite("Subscriber keepalive", .timeLimit(.minutes(1)))
struct SubscriberKeepaliveTests {
    static func subscribed(_ server: LocalRedisServer, protocolVersion: Int) async -> (SubscriberConnection, InboxCollector) {
        var options = server.options(preferredProtocol: protocolVersion)
        options.commandTimeout = .seconds(1)  // PING after 2 s of silence, give up 1 s after an unanswered PING
        let subscriber = SubscriberConnection(options: options, policy: SubscriberConnectionTests.fast)
        await subscriber.subscribe([Array("news".utf8)], kind: .channel)
        var collector = InboxCollector(subscriber.inbox)
        await collector.collect { $0.confirmed(.channel, "news") }
        return (subscriber, collector)
    }

    static func hasGap(_ collector: InboxCollector) -> Bool {
        collector.events.contains { if case .gap = $0 { return true } else { return false } }
    }

    @Test("an idle subscriber answers its PINGs and stays connected, on RESP2 and RESP3", arguments: [2, 3])
    func idle(protocolVersion: Int) async throws {
        try await withRedis { server in
            var (subscriber, collector) = await Self.subscribed(server, protocolVersion: protocolVersion)
            await collector.collect(timeout: .seconds(5)) { Self.hasGap($0) }
            #expect(!Self.hasGap(collector), "\(collector.events)")
            let publisher = try await RedisConnection.connect(server.options())
            let stats = try await publisher.send(RedisCommand("INFO", "commandstats")).bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
            #expect(stats.contains("cmdstat_ping:"), "no keepalive PING reached the server")
            #expect(try await publisher.send(RedisCommand("PUBLISH", "news", "still-here")).int == 1)
            await collector.collect(timeout: .seconds(5)) { $0.payloads.contains("still-here") }
            #expect(collector.payloads.contains("still-here"))
            await publisher.close()
            await subscriber.close()
        }
    }

    @Test("a silent server (CLIENT PAUSE ALL) is given up after the timeout; it resubscribes and reports the gap")
    func silent() async throws {
        try await withRedis { server in
            var (subscriber, collector) = await Self.subscribed(server, protocolVersion: 3)
            let pauser = try await RedisConnection.connect(server.options())
            _ = try await pauser.send(RedisCommand("CLIENT", "PAUSE", "6000", "ALL"))
            await collector.collect(timeout: .seconds(20)) { c in
                Self.hasGap(c) && c.events.filter { if case .subscribed = $0 { return true } else { return false } }.count >= 2
            }
            #expect(Self.hasGap(collector), "\(collector.events)")
            let reasons = collector.events.compactMap { event -> String? in
                if case .state(.reconnecting(let reason, _)) = event { return reason } else { return nil }
            }
            #expect(reasons.first?.contains("PING") == true, "\(reasons)")
            // The gap starts when the connection last heard anything (the confirmation, before the
            // pause), not when the keepalive gave up about 3 s later.
            let gap = collector.events.compactMap { event -> PubSubGap? in if case .gap(let gap) = event { return gap } else { return nil } }.first
            let span = gap.map { Double($0.to - $0.from) / 1e9 } ?? 0
            #expect(span > 4, "gap of \(span) s for a 6 s pause")
            await pauser.close()
            await subscriber.close()
        }
    }
}
