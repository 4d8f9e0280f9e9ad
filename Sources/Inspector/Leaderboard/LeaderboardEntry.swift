/// One member of a sorted set and its score, as read from the top of the set.
public struct LeaderboardEntry: Sendable, Hashable {
    /// The member's exact bytes (show through the sanitiser).
    public var member: [UInt8]
    public var score: Double

    public init(member: [UInt8], score: Double) {
        self.member = member
        self.score = score
    }
}
