import Inspector

/// One sorted set the leaderboard watches: where it lives, which end is shown, and its history.
public struct WatchedSortedSet: Sendable {
    /// The key's exact bytes.
    public var key: [UInt8]
    /// The node it is read from (an index into `AppState.nodes`).
    public var node: Int
    public var order: LeaderboardOrder = .descending
    public var history: LeaderboardHistory
    /// Why the last refresh failed, if it did (the previous rows stay shown).
    public var error: String?

    public init(key: [UInt8], node: Int, interval: Double) {
        self.key = key
        self.node = node
        self.history = LeaderboardHistory(window: 60, interval: interval)
    }
}
