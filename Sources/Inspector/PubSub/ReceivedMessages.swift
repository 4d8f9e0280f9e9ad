import NIOCore
import RedisClient

/// What a subscriber received between two drains, in owned bytes: the newest messages copied
/// (payloads cut at ``MessageLog/maxPayloadBytes``), every message counted, counts per channel,
/// and the subscriber's events in order.
///
/// Made off the UI loop from a client ``PubSubBatch``, so the loop never copies a flood it would
/// drop anyway and the app layer never sees the client's buffers.
public struct ReceivedMessages: Sendable {
    /// The newest messages kept, oldest first.
    public var messages: [LoggedMessage]
    /// How many messages arrived in all (kept or not).
    public var received: Int
    /// Messages per channel, every message counted.
    public var channelCounts: [[UInt8]: Int]
    /// Confirmations, state changes, gaps and errors, in order.
    public var events: [SubscriptionEvent]

    /// Creates a batch from parts (tests, replays).
    public init(messages: [LoggedMessage] = [], received: Int? = nil, channelCounts: [[UInt8]: Int]? = nil, events: [SubscriptionEvent] = []) {
        self.messages = messages
        self.received = received ?? messages.count
        self.channelCounts = channelCounts ?? messages.reduce(into: [:]) { $0[$1.channel, default: 0] += 1 }
        self.events = events
    }

    /// Copies what a log holding `capacity` entries can keep of `batch`: its newest `capacity`
    /// messages; the rest are only counted.
    public init(_ batch: PubSubBatch, keepingNewest capacity: Int) {
        messages = batch.messages.suffix(max(0, capacity)).map(LoggedMessage.init)
        received = batch.received
        var counts: [[UInt8]: Int] = [:]
        counts.reserveCapacity(batch.channelCounts.count)
        for (channel, count) in batch.channelCounts { counts[Array(channel.readableBytesView), default: 0] += count }
        channelCounts = counts
        events = batch.events.map(SubscriptionEvent.init)
    }

    /// True when nothing happened.
    public var isEmpty: Bool { received == 0 && events.isEmpty }
}
