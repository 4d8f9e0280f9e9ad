import NIOCore
import RedisClient

/// A message as the log keeps it: owned bytes (not slices of read buffers), the payload cut at
/// ``MessageLog/maxPayloadBytes`` with its real length kept.
public struct LoggedMessage: Sendable, Hashable {
    /// Wall-clock nanoseconds when it was read.
    public var time: Int64
    public var kind: ChannelKind
    public var channel: [UInt8]
    /// The pattern that matched (`PSUBSCRIBE`), if any.
    public var pattern: [UInt8]?
    /// The payload, at most ``MessageLog/maxPayloadBytes`` of it.
    public var payload: [UInt8]
    /// The payload's real length.
    public var payloadLength: Int

    public init(time: Int64, kind: ChannelKind, channel: [UInt8], pattern: [UInt8]?, payload: [UInt8], payloadLength: Int) {
        self.time = time
        self.kind = kind
        self.channel = channel
        self.pattern = pattern
        self.payload = payload
        self.payloadLength = payloadLength
    }

    /// True when the payload was cut.
    public var isTruncated: Bool { payloadLength > payload.count }
}

/// One row of the message log: a message, or a gap in which messages may have been missed.
public enum MessageLogEntry: Sendable, Hashable {
    case message(LoggedMessage)
    /// The subscriber of `source` (an endpoint label) was disconnected from `gap.from` to `gap.to`.
    case gap(DeliveryGap, source: String)

    /// When it happened (a gap: when it started).
    public var time: Int64 {
        switch self {
        case .message(let message): return message.time
        case .gap(let gap, _): return gap.from
        }
    }
}

extension LoggedMessage {
    /// An owned copy of a received message, the payload cut at ``MessageLog/maxPayloadBytes``.
    public init(_ message: PubSubMessage) {
        let length = message.payload.readableBytes
        let payload = message.payload.getBytes(at: message.payload.readerIndex, length: min(length, MessageLog.maxPayloadBytes)) ?? []
        self.init(
            time: message.receivedAt, kind: ChannelKind(message.kind), channel: Array(message.channel.readableBytesView),
            pattern: message.pattern.map { Array($0.readableBytesView) }, payload: payload, payloadLength: length)
    }
}
