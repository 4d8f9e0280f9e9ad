import NIOCore

/// What a subscriber received since the last ``PubSubInbox/drain()``.
public struct PubSubBatch: Sendable {
    /// The newest messages, oldest first (at most the inbox's capacity).
    public var messages: [PubSubMessage]
    /// How many messages arrived in all (kept or not): `received - messages.count` were only counted.
    public var received: Int
    /// Messages per channel, every message counted (keys are owned copies of the channel bytes).
    public var channelCounts: [ByteBuffer: Int]
    /// Confirmations, state changes, gaps and errors, in order.
    public var events: [SubscriberEvent]

    /// An empty batch.
    public init(messages: [PubSubMessage] = [], received: Int = 0, channelCounts: [ByteBuffer: Int] = [:], events: [SubscriberEvent] = []) {
        self.messages = messages
        self.received = received
        self.channelCounts = channelCounts
        self.events = events
    }

    /// True when nothing happened.
    public var isEmpty: Bool { received == 0 && events.isEmpty }
}
