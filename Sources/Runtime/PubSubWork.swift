// The Pub/Sub pane's subscriber connections: one per node, drained into the loop ten times a second.
import AppCore
import Inspector
import RedisClient

/// Subscribes and unsubscribes on a dedicated subscriber connection per node (made on first use)
/// and drains each one every 100 ms into one message: the loop sees at most ten batches a second,
/// however fast messages come, and each batch is already cut to what the log can keep.
final class PubSubWork {
    private let scope = TaskScope()
    private let sink: MessageSink
    /// How many messages the pane's log keeps: no more are copied out of a batch.
    private let logCapacity: Int
    private var subscribers: [Int: SubscriberConnection] = [:]
    /// Subscription changes run one after another, in the order asked.
    private var chain: Task<Void, Never>?

    init(sink: MessageSink, logCapacity: Int) {
        self.sink = sink
        self.logCapacity = logCapacity
    }

    /// Subscribes node `node`'s subscriber to `names`.
    func subscribe(_ names: [[UInt8]], kind: ChannelKind, node: Int, connections: NodeConnections) {
        guard let subscriber = subscriber(node, connections) else { return }
        inOrder { await subscriber.subscribe(names, kind: kind.subscriptionKind) }
    }

    /// Unsubscribes node `node`'s subscriber from `names` (every name of `kind` when empty).
    func unsubscribe(_ names: [[UInt8]], kind: ChannelKind, node: Int) {
        guard let subscriber = subscribers[node] else { return }
        inOrder { await subscriber.unsubscribe(names, kind: kind.subscriptionKind) }
    }

    /// Closes every subscriber and stops the drains.
    nonisolated(nonsending) func close() async {
        chain?.cancel()
        await scope.cancelAll()
        for subscriber in subscribers.values { await subscriber.close() }
    }

    private func subscriber(_ node: Int, _ connections: NodeConnections) -> SubscriberConnection? {
        if let existing = subscribers[node] { return existing }
        guard connections.contains(node) else { return nil }
        var options = connections.options(node)
        options.clientName = "cachescope-sub"
        let subscriber = SubscriberConnection(options: options, inbox: PubSubInbox(capacity: logCapacity))
        subscribers[node] = subscriber
        let inbox = subscriber.inbox
        let sink = self.sink
        let capacity = logCapacity
        scope.spawn {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                let batch = inbox.drain()
                guard !batch.isEmpty else { continue }
                let received = ReceivedMessages(batch, keepingNewest: capacity)
                sink.send(.pubsubReceived(node: node, batch: received, now: MonotonicClock.now()))
            }
        }
        return subscriber
    }

    private func inOrder(_ body: @escaping @Sendable () async -> Void) {
        let previous = chain
        chain = scope.spawn {
            await previous?.value
            await body()
        }
    }
}
