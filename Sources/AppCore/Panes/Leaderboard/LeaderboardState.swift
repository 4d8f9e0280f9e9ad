import Inspector
import TerminalUI

/// The leaderboard pane's state: the watched sorted sets (`n` cycles), the table selection, and
/// the member search typed after `/`.
public struct LeaderboardState: Sendable {
    public var watched: [WatchedSortedSet] = []
    /// Index into `watched` of the set on screen.
    public var current = 0
    public var table = TableState(selected: 0)
    /// How many members the running poll reads (the rows that fit, at most 200).
    public var limit = 0
    /// The member name being typed after `/`.
    public var findInput: InputLineState?
    /// A member to select as soon as it shows in the rows (after a rank lookup).
    public var pendingSelection: [UInt8]?
    /// The sorted sets the keys index holds, offered while nothing is watched; nil until the
    /// index has reported.
    public var candidates: SortedSetCandidates?

    public init() {}

    /// The set on screen, if any.
    public var active: WatchedSortedSet? {
        watched.indices.contains(current) ? watched[current] : nil
    }
}
