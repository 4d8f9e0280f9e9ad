/// Which end of a sorted set the leaderboard reads: highest scores first (`ZREVRANGE`), or
/// lowest first (`ZRANGE`).
public enum LeaderboardOrder: Sendable, Hashable {
    case descending
    case ascending

    /// The other order.
    public var toggled: LeaderboardOrder { self == .descending ? .ascending : .descending }
    /// The range command for this order.
    public var rangeCommand: String { self == .descending ? "ZREVRANGE" : "ZRANGE" }
    /// The rank command for this order.
    public var rankCommand: String { self == .descending ? "ZREVRANK" : "ZRANK" }
}
