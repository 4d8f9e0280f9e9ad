import RedisClient

/// The three kinds of pub/sub subscription, as the app speaks of them: a channel, a glob pattern,
/// or a sharded channel (Redis 7, served by its slot's owner).
///
/// The domain's own word for `RedisClient.SubscriptionKind`, so that the app layer names it
/// without importing the client.
public enum ChannelKind: String, Sendable, Hashable, CaseIterable {
    /// `SUBSCRIBE channel`.
    case channel
    /// `PSUBSCRIBE pattern`.
    case pattern
    /// `SSUBSCRIBE shardchannel`.
    case shardChannel

    /// The client's kind for the same subscription.
    public var subscriptionKind: SubscriptionKind {
        switch self {
        case .channel: return .channel
        case .pattern: return .pattern
        case .shardChannel: return .shardChannel
        }
    }

    /// The domain's kind for a subscription the client reports.
    public init(_ kind: SubscriptionKind) {
        switch kind {
        case .channel: self = .channel
        case .pattern: self = .pattern
        case .shardChannel: self = .shardChannel
        }
    }
}
