/// Something that happened to a subscriber other than a message: confirmations, errors, the
/// connection going away and coming back.
public enum SubscriberEvent: Sendable, Hashable {
    /// The server confirmed a subscription; `count` is how many this connection now has.
    case subscribed(SubscriptionKind, name: [UInt8], count: Int)
    /// The server confirmed an unsubscription (`name` is nil when there was nothing to unsubscribe).
    case unsubscribed(SubscriptionKind, name: [UInt8]?, count: Int)
    /// The connection's state changed.
    case state(SubscriberState)
    /// Messages may have been missed between two times: the connection was down.
    case gap(PubSubGap)
    /// The server answered with an error (e.g. `NOPERM` for a channel the ACL forbids).
    case serverError(String)
}

/// Where a subscriber connection stands.
public enum SubscriberState: Sendable, Hashable {
    /// Connecting for the first time.
    case connecting
    /// Connected and subscribed; `since` is wall-clock nanoseconds.
    case connected(since: Int64)
    /// The connection was lost at `since` (wall-clock ns) for `reason`; retrying.
    case reconnecting(reason: String, since: Int64)
    /// Closed on purpose.
    case closed
}

/// A stretch of time in which a subscriber was not connected, so messages published then were lost.
public struct PubSubGap: Sendable, Hashable {
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
}
