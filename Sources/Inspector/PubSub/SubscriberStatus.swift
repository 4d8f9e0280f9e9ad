import RedisClient

/// Where a subscriber connection stands, as the Pub/Sub pane shows it.
public enum SubscriberStatus: Sendable, Hashable {
    /// Connecting for the first time.
    case connecting
    /// Connected and subscribed; `since` is wall-clock nanoseconds.
    case connected(since: Int64)
    /// The connection was lost at `since` (wall-clock ns) for `reason`; retrying.
    case reconnecting(reason: String, since: Int64)
    /// Closed on purpose.
    case closed

    /// The status of a client's subscriber state.
    public init(_ state: SubscriberState) {
        switch state {
        case .connecting: self = .connecting
        case .connected(let since): self = .connected(since: since)
        case .reconnecting(let reason, let since): self = .reconnecting(reason: reason, since: since)
        case .closed: self = .closed
        }
    }
}

/// A stretch of time in which a subscriber was not connected, so messages published then were lost.
public struct DeliveryGap: Sendable, Hashable {
    /// Wall-clock nanoseconds when the connection was lost.
    public var from: Int64
    /// Wall-clock nanoseconds when the subscriptions were made again.
    public var to: Int64
    /// Why the connection was lost.
    public var reason: String

    /// Creates a gap.
    public init(from: Int64, to: Int64, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// The domain's gap for a client's.
    public init(_ gap: PubSubGap) {
        self.init(from: gap.from, to: gap.to, reason: gap.reason)
    }
}

/// Something that happened to a subscriber other than a message.
public enum SubscriptionEvent: Sendable, Hashable {
    /// The server confirmed a subscription; `count` is how many this connection now has.
    case subscribed(ChannelKind, name: [UInt8], count: Int)
    /// The server confirmed an unsubscription (`name` is nil when there was nothing to unsubscribe).
    case unsubscribed(ChannelKind, name: [UInt8]?, count: Int)
    /// The connection's state changed.
    case status(SubscriberStatus)
    /// Messages may have been missed between two times: the connection was down.
    case gap(DeliveryGap)
    /// The server answered with an error (e.g. `NOPERM` for a channel the ACL forbids).
    case serverError(String)

    /// The domain's event for a client's.
    public init(_ event: SubscriberEvent) {
        switch event {
        case .subscribed(let kind, let name, let count): self = .subscribed(ChannelKind(kind), name: name, count: count)
        case .unsubscribed(let kind, let name, let count): self = .unsubscribed(ChannelKind(kind), name: name, count: count)
        case .state(let state): self = .status(SubscriberStatus(state))
        case .gap(let gap): self = .gap(DeliveryGap(gap))
        case .serverError(let message): self = .serverError(message)
        }
    }
}
