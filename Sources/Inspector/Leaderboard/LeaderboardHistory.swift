/// The last minute or so of one watched sorted set, and what changed: per member the rank,
/// score, change since the previous refresh and per minute, rank movement, and the top movers.
///
/// Only the shown top N is compared, so a member that climbs into view counts as new.
public struct LeaderboardHistory: Sendable {
    /// Snapshots kept, oldest first (about `window` seconds' worth).
    public private(set) var snapshots: RingBuffer<LeaderboardSnapshot>
    /// Seconds of history the per-minute rate looks back over.
    public let window: Double
    /// The newest snapshot's members, with their movement.
    public private(set) var rows: [LeaderboardRow] = []
    /// Members with the largest score change since the previous refresh, biggest first.
    public private(set) var topMovers: [LeaderboardRow] = []
    /// How many top movers are kept.
    public var topMoverCount = 5

    /// - Parameters:
    ///   - window: seconds of snapshots to keep (per-minute rates look back this far).
    ///   - interval: seconds between refreshes, to size the ring.
    public init(window: Double = 60, interval: Double = 1) {
        self.window = window
        let capacity = Int((window / max(0.1, interval)).rounded(.up)) + 1
        self.snapshots = RingBuffer(capacity: max(2, min(capacity, 600)))
    }

    /// The newest snapshot.
    public var latest: LeaderboardSnapshot? { snapshots.newest }

    /// Records `snapshot` and recomputes the rows. A snapshot in another order than the kept
    /// ones starts the history over (ranks would not compare).
    public mutating func record(_ snapshot: LeaderboardSnapshot) {
        if let last = snapshots.newest, last.order != snapshot.order || last.key != snapshot.key { snapshots.removeAll() }
        // The previous snapshot that was a readable sorted set (a key gone for one refresh and back
        // compares with what it was before).
        let previous = snapshots.last { $0.status == .sortedSet }
        snapshots.append(snapshot)
        guard snapshot.status == .sortedSet else {
            rows = []
            topMovers = []
            return
        }
        // The oldest snapshot inside the window, for the per-minute rate.
        let base = snapshots.first { $0.status == .sortedSet && snapshot.time - $0.time <= window + 0.001 && $0.time < snapshot.time }
        let before = previous.map(Self.positions) ?? [:]
        let baseScores = base.map(Self.positions) ?? [:]
        rows = snapshot.entries.enumerated().map { index, entry in
            let rank = index + 1
            var row = LeaderboardRow(rank: rank, member: entry.member, score: entry.score)
            if previous != nil {
                if let old = before[entry.member] {
                    row.deltaSinceLast = entry.score - old.score
                    row.movement = old.rank > rank ? .up(old.rank - rank) : old.rank < rank ? .down(rank - old.rank) : .unchanged
                } else {
                    row.movement = .new
                }
            }
            if let base, let old = baseScores[entry.member], snapshot.time > base.time {
                row.deltaPerMinute = (entry.score - old.score) / (snapshot.time - base.time) * 60
            }
            return row
        }
        topMovers = Array(
            rows.filter { ($0.deltaSinceLast ?? 0) != 0 }
                .sorted { abs($0.deltaSinceLast!) > abs($1.deltaSinceLast!) || (abs($0.deltaSinceLast!) == abs($1.deltaSinceLast!) && $0.rank < $1.rank) }
                .prefix(topMoverCount))
    }

    /// Forgets every snapshot (another key or order is being watched).
    public mutating func reset() {
        snapshots.removeAll()
        rows = []
        topMovers = []
    }

    private static func positions(_ snapshot: LeaderboardSnapshot) -> [[UInt8]: (rank: Int, score: Double)] {
        var map: [[UInt8]: (rank: Int, score: Double)] = [:]
        map.reserveCapacity(snapshot.entries.count)
        for (index, entry) in snapshot.entries.enumerated() where map[entry.member] == nil {
            map[entry.member] = (index + 1, entry.score)
        }
        return map
    }
}
