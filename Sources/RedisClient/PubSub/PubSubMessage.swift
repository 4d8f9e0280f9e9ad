import NIOCore

/// One message received by a subscriber.
///
/// The bytes are slices of the buffer the message was read into (no copy): whoever keeps a message
/// for long (a message log) copies what it needs, so read buffers are not held alive.
public struct PubSubMessage: Sendable, Hashable {
    /// How the message was received: `.channel` (`message`), `.pattern` (`pmessage`) or `.shardChannel` (`smessage`).
    public var kind: SubscriptionKind
    /// The channel it was published to.
    public var channel: ByteBuffer
    /// The pattern that matched, for `pmessage`.
    public var pattern: ByteBuffer?
    /// The payload.
    public var payload: ByteBuffer
    /// When it was read off the socket: wall-clock nanoseconds since the epoch (one reading per socket read).
    public var receivedAt: Int64

    /// Creates a message.
    public init(kind: SubscriptionKind, channel: ByteBuffer, pattern: ByteBuffer?, payload: ByteBuffer, receivedAt: Int64) {
        self.kind = kind
        self.channel = channel
        self.pattern = pattern
        self.payload = payload
        self.receivedAt = receivedAt
    }
}
