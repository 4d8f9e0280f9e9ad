// Messages and batches as the subscriber connections deliver them, built without a server.
import Inspector

enum PubSubFactory {
    static func message(_ channel: String, _ payload: String, pattern: String? = nil, at time: Int64 = 1_700_000_000_000_000_000) -> LoggedMessage {
        LoggedMessage(
            time: time, kind: pattern == nil ? .channel : .pattern, channel: Array(channel.utf8),
            pattern: pattern.map { Array($0.utf8) }, payload: Array(payload.utf8), payloadLength: payload.utf8.count)
    }

    static func batch(_ messages: [LoggedMessage], events: [SubscriptionEvent] = [], received: Int? = nil) -> ReceivedMessages {
        ReceivedMessages(messages: messages, received: received ?? messages.count, events: events)
    }
}
