/// The three kinds of pub/sub subscription Redis has.
public enum SubscriptionKind: String, Sendable, Hashable, CaseIterable {
    /// `SUBSCRIBE channel`: messages published to exactly that channel.
    case channel
    /// `PSUBSCRIBE pattern`: messages to every channel matching a glob.
    case pattern
    /// `SSUBSCRIBE shardchannel` (Redis 7): a sharded channel, served by the owner of its slot.
    case shardChannel

    /// The command that subscribes.
    public var subscribeCommand: String {
        switch self {
        case .channel: return "SUBSCRIBE"
        case .pattern: return "PSUBSCRIBE"
        case .shardChannel: return "SSUBSCRIBE"
        }
    }

    /// The command that unsubscribes.
    public var unsubscribeCommand: String {
        switch self {
        case .channel: return "UNSUBSCRIBE"
        case .pattern: return "PUNSUBSCRIBE"
        case .shardChannel: return "SUNSUBSCRIBE"
        }
    }
}
