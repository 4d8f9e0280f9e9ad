/// One member as the leaderboard shows it: rank, score, and how both moved.
public struct LeaderboardRow: Sendable, Hashable {
    /// 1-based rank in the watched order.
    public var rank: Int
    public var member: [UInt8]
    public var score: Double
    /// Score change since the previous refresh; nil when the member was not shown then.
    public var deltaSinceLast: Double?
    /// Score change per minute over the kept history (up to ~60 s); nil without history.
    public var deltaPerMinute: Double?
    public var movement: RankMovement

    public init(rank: Int, member: [UInt8], score: Double, deltaSinceLast: Double? = nil, deltaPerMinute: Double? = nil, movement: RankMovement = .unknown) {
        self.rank = rank
        self.member = member
        self.score = score
        self.deltaSinceLast = deltaSinceLast
        self.deltaPerMinute = deltaPerMinute
        self.movement = movement
    }
}
