import NIOCore
import Synchronization

/// The hand-over point between a subscriber's event loop and whoever shows its messages.
///
/// The event loop deposits once per socket read (not per message) under a lock; the consumer
/// drains whenever it likes (the app every 100 ms). Every message is counted; only the newest
/// `capacity` are kept between drains, so a slow consumer costs a bounded amount of memory and the
/// socket is always read (Redis cuts off a subscriber whose output buffer grows too large).
public final class PubSubInbox: Sendable {
    /// The most messages kept between two drains.
    public let capacity: Int
    private let pending: Mutex<PubSubBatch>
    private let total = Atomic<Int>(0)

    /// Creates an inbox keeping at most `capacity` messages between drains.
    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
        self.pending = Mutex(PubSubBatch())
    }

    /// Every message received since the inbox was made (including those not kept).
    public var totalReceived: Int { total.load(ordering: .acquiring) }

    /// Takes everything received since the last drain.
    public func drain() -> PubSubBatch {
        let capacity = self.capacity
        var batch = pending.withLock { pending in
            let taken = pending
            pending = PubSubBatch()
            return taken
        }
        if batch.messages.count > capacity { batch.messages.removeFirst(batch.messages.count - capacity) }
        return batch
    }

    /// Adds what one socket read produced. `messages` is emptied (its storage reused by the caller).
    func deposit(messages: inout [PubSubMessage], received: Int, channelCounts: inout [ByteBuffer: Int]) {
        guard received > 0 else { return }
        let capacity = self.capacity
        pending.withLock { pending in
            pending.received += received
            if pending.messages.isEmpty, messages.count <= capacity {
                swap(&pending.messages, &messages)
            } else {
                pending.messages.append(contentsOf: messages)
                // Trim in halves so appending stays amortised O(1); drain() trims to the exact capacity.
                if pending.messages.count > 2 * capacity {
                    pending.messages.removeFirst(pending.messages.count - capacity)
                }
            }
            if pending.channelCounts.isEmpty {
                swap(&pending.channelCounts, &channelCounts)
            } else {
                for (channel, count) in channelCounts { pending.channelCounts[channel, default: 0] += count }
            }
            // Counted only once drainable: whoever sees the total grow finds the messages in drain().
            total.add(received, ordering: .releasing)
        }
        messages.removeAll(keepingCapacity: true)
        channelCounts.removeAll(keepingCapacity: true)
    }

    /// Adds an event (confirmation, state change, gap, error).
    func post(_ event: SubscriberEvent) {
        pending.withLock { $0.events.append(event) }
    }
}
