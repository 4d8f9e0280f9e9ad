import Inspector
import TerminalUI

/// How the leaderboard pane reacts to actions, to `l` in the keys pane, to `:zset`, and to the
/// snapshots and rank lookups the runtime sends back.
enum LeaderboardUpdate {
    /// Rows of members that fit on screen (chrome, movers strip, borders, header), at most 200.
    static func rowLimit(_ context: PaneContext) -> Int {
        max(1, min(LeaderboardSnapshot.maximumLimit, context.height - 10))
    }

    /// The poll for the set on screen (nothing when nothing is watched).
    static func poll(_ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        guard let active = leaderboard.active else { return [] }
        leaderboard.limit = rowLimit(context)
        return [.pollLeaderboard(node: active.node, key: active.key, order: active.order, limit: leaderboard.limit)]
    }

    /// Called when the pane comes into view: polling starts, and stops when it leaves.
    /// With nothing watched, the sorted sets of the keys pane's index (of `node`, walked to the
    /// end when `complete`) are offered instead.
    static func entered(index: KeyIndex?, node: Int, complete: Bool, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        guard leaderboard.active == nil else { return poll(&leaderboard, &context) }
        guard let index else { return [] }
        return offer(index, node: node, complete: complete, &leaderboard, &context)
    }

    /// The terminal changed size: read as many members as now fit.
    static func resized(_ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        guard context.pane == .leaderboard, leaderboard.active != nil, rowLimit(context) != leaderboard.limit else { return [] }
        return poll(&leaderboard, &context)
    }

    /// Watches `key` on `node` (or switches to it if already watched) and shows the pane.
    static func watch(_ key: [UInt8], node: Int, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        if let existing = leaderboard.watched.firstIndex(where: { $0.key == key && $0.node == node }) {
            leaderboard.current = existing
        } else {
            leaderboard.watched.append(WatchedSortedSet(key: key, node: node, interval: context.interval))
            leaderboard.current = leaderboard.watched.count - 1
        }
        leaderboard.table = TableState(selected: 0)
        let count = leaderboard.watched.count
        context.status = StatusMessage("watching \(ServerBytes(key))\(count > 1 ? " (\(count) sets: n for next)" : "")", now: context.now, lifetime: 3)
        if context.pane == .leaderboard { return poll(&leaderboard, &context) }
        context.request(.show(.leaderboard))
        return []
    }

    static func perform(_ action: AppAction, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        if leaderboard.active == nil, let effects = performOnCandidates(action, &leaderboard, &context) { return effects }
        let count = leaderboard.active?.history.rows.count ?? 0
        let page = max(1, context.height - 12)
        switch action {
        case .moveUp: leaderboard.table.move(by: -1, count: count)
        case .moveDown: leaderboard.table.move(by: 1, count: count)
        case .pageUp: leaderboard.table.move(by: -page, count: count)
        case .pageDown: leaderboard.table.move(by: page, count: count)
        case .top: leaderboard.table.selectFirst(count: count)
        case .bottom: leaderboard.table.selectLast(count: count)
        case .reverseOrder:
            guard var active = leaderboard.active else { return nothingWatched(&leaderboard, &context) }
            active.order = active.order.toggled
            active.history.reset()
            leaderboard.watched[leaderboard.current] = active
            leaderboard.table = TableState(selected: 0)
            context.status = StatusMessage(active.order == .descending ? "highest scores first (ZREVRANGE)" : "lowest scores first (ZRANGE)", now: context.now, lifetime: 3)
            return poll(&leaderboard, &context)
        case .nextWatched:
            guard leaderboard.watched.count > 1 else {
                context.status = StatusMessage(leaderboard.watched.isEmpty ? "nothing watched yet" : "only one sorted set watched (:zset KEY adds one)", now: context.now, lifetime: 3)
                return []
            }
            leaderboard.current = (leaderboard.current + 1) % leaderboard.watched.count
            leaderboard.table = TableState(selected: 0)
            leaderboard.pendingSelection = nil
            return poll(&leaderboard, &context)
        case .findMember:
            guard leaderboard.active != nil else { return nothingWatched(&leaderboard, &context) }
            leaderboard.findInput = InputLineState()
        case .back:
            context.status = nil
        default:
            context.status = StatusMessage("not available in the leaderboard", kind: .warning, now: context.now, lifetime: 3)
        }
        return []
    }

    private static func nothingWatched(_ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        context.status = StatusMessage("nothing watched: press l on a sorted set in Keys, or :zset KEY", kind: .warning, now: context.now, lifetime: 5)
        return []
    }

    /// Handles a key while the member search line is open.
    static func findKey(_ key: Key, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        guard var input = leaderboard.findInput else { return [] }
        switch input.handle(key) {
        case .submitted(let text):
            leaderboard.findInput = nil
            return find(Array(text.utf8), &leaderboard, &context)
        case .cancelled:
            leaderboard.findInput = nil
        default:
            leaderboard.findInput = input
        }
        return []
    }

    /// Selects `member` if shown; otherwise asks the server for its rank.
    static func find(_ member: [UInt8], _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        guard let active = leaderboard.active, !member.isEmpty else { return [] }
        let rows = active.history.rows
        if let index = rows.firstIndex(where: { $0.member == member }) {
            leaderboard.table.select(index, count: rows.count)
            context.status = StatusMessage("\(ServerBytes(member)) is rank \(rows[index].rank)", now: context.now, lifetime: 3)
            return []
        }
        return [.findMember(node: active.node, key: active.key, member: member, order: active.order)]
    }

    static func rankFound(_ key: [UInt8], _ member: [UInt8], _ result: Result<Int64?, LoadError>, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) {
        guard let active = leaderboard.active, active.key == key else { return }
        let name = ServerBytes(member)
        switch result {
        case .failure(let error):
            context.status = StatusMessage("find \(name): \(error)", kind: .error, now: context.now, lifetime: 5)
        case .success(nil):
            context.status = StatusMessage("\(name) is not in \(ServerBytes(key))", kind: .warning, now: context.now, lifetime: 5)
        case .success(let rank?):
            if rank <= Int64(leaderboard.limit) {
                // Shown on the next refresh: select it then.
                leaderboard.pendingSelection = member
                context.status = StatusMessage("\(name) is rank \(rank)", now: context.now, lifetime: 5)
            } else {
                context.status = StatusMessage("\(name) is rank \(rank) (only the first \(leaderboard.limit) are shown)", now: context.now, lifetime: 8)
            }
        }
    }

    static func loaded(_ node: Int, _ key: [UInt8], _ result: Result<LeaderboardSnapshot, LoadError>, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) {
        guard let index = leaderboard.watched.firstIndex(where: { $0.key == key && $0.node == node }) else { return }
        var watched = leaderboard.watched[index]
        switch result {
        case .success(let snapshot):
            // A reply read in the order before `o` was pressed would restart the history.
            guard snapshot.order == watched.order else { return }
            watched.history.record(snapshot)
            watched.error = nil
        case .failure(let error):
            watched.error = error.description
        }
        leaderboard.watched[index] = watched
        guard index == leaderboard.current else { return }
        let rows = watched.history.rows
        if let pending = leaderboard.pendingSelection, let row = rows.firstIndex(where: { $0.member == pending }) {
            leaderboard.table.select(row, count: rows.count)
            leaderboard.pendingSelection = nil
        } else if let selected = leaderboard.table.selected {
            leaderboard.table.select(min(selected, max(0, rows.count - 1)), count: rows.count)
        } else if !rows.isEmpty {
            leaderboard.table.select(0, count: rows.count)
        }
    }
}
