/// How a member's rank changed since the previous refresh.
public enum RankMovement: Sendable, Hashable {
    /// Moved up by this many places (towards rank 1).
    case up(Int)
    /// Moved down by this many places.
    case down(Int)
    case unchanged
    /// Not among the shown members at the previous refresh.
    case new
    /// Nothing to compare with yet (first refresh).
    case unknown
}
