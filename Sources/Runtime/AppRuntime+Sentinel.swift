// Sentinel mode: the sentinel follower — events from every sentinel, the group read again on each.
import AppCore
import Foundation
import Inspector
import NIOCore
import RedisClient

extension AppRuntime {
    /// How often the group is read without any event (the Sentinel view's figures).
    static let sentinelRefreshInterval: Duration = .seconds(2)

    /// In Sentinel mode, subscribes to the failover events on every known sentinel and reads the
    /// group again (primary confirmed with ROLE) on each event and every couple of seconds, for as
    /// long as the runtime runs.
    func followSentinel() {
        guard let client = connections.sentinel, let masterName = client.masterName else { return }
        let sink = self.sink
        background.spawn { [weak self] in
            var subscribers: [RedisEndpoint: SubscriberConnection] = [:]
            var lastRead = ContinuousClock.now - .seconds(60)
            var eventSeen = false
            var listening: Set<RedisEndpoint> = []
            while !Task.isCancelled {
                for options in await client.sentinelOptions where subscribers[options.endpoint] == nil {
                    let subscriber = SubscriberConnection(options: options, policy: ReconnectPolicy(initialDelay: .milliseconds(200), maximumDelay: .seconds(2)))
                    await subscriber.subscribe(SentinelEvent.channels.map { Array($0.utf8) }, kind: .channel)
                    await subscriber.subscribe(SentinelEvent.patterns.map { Array($0.utf8) }, kind: .pattern)
                    subscribers[options.endpoint] = subscriber
                }
                var events: [SentinelEvent] = []
                var nowListening = listening
                for (endpoint, subscriber) in subscribers {
                    let batch = subscriber.inbox.drain()
                    for event in batch.events {
                        switch event {
                        case .subscribed: nowListening.insert(endpoint)
                        case .state(.reconnecting), .state(.closed): nowListening.remove(endpoint)
                        default: break
                        }
                    }
                    for message in batch.messages {
                        let detail = String(decoding: message.payload.readableBytesView, as: UTF8.self)
                        guard SentinelEvent.concerns(detail, masterName: masterName) else { continue }
                        events.append(
                            SentinelEvent(
                                name: String(decoding: message.channel.readableBytesView, as: UTF8.self), detail: detail, sentinel: "\(endpoint)",
                                wallMilliseconds: message.receivedAt / 1_000_000))
                    }
                }
                if nowListening != listening {
                    listening = nowListening
                    sink.send(.sentinelListening(listening.map { "\($0)" }.sorted()))
                }
                if !events.isEmpty {
                    sink.send(.sentinelEvents(events.sorted { $0.wallMilliseconds < $1.wallMilliseconds }))
                    eventSeen = true
                }
                if eventSeen || ContinuousClock.now - lastRead >= Self.sentinelRefreshInterval {
                    eventSeen = false
                    lastRead = .now
                    guard let self else { break }
                    await self.readSentinelGroup(client)
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
            for subscriber in subscribers.values { await subscriber.close() }
        }
    }

    /// Reads the group; nodes new to it get a connection and a sampler.
    private func readSentinelGroup(_ client: SentinelClient) async {
        do {
            let topology = try await client.discover()
            var added: [String] = []
            for endpoint in topology.nodes where !connections.knows(endpoint) {
                let connection = ManagedConnection(options: client.nodeOptions(for: endpoint))
                let index = connections.add(connection)
                added.append("\(endpoint)")
                health.sample([connection], firstNode: index)
            }
            send(.sentinelChanged(SentinelOverview(topology), added: added))
        } catch {
            send(.sentinelUnconfirmed("\(error)"))
        }
    }
}
