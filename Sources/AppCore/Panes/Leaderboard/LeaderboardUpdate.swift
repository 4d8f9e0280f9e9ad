import Inspector
import TerminalUI

/// How the leaderboard pane reacts to actions, to `l` in the keys pane, to `:zset`, and to the
/// snapshots and rank lookups the runtime sends back.
enum LeaderboardUpdate {
    /// Rows of members that fit on screen (chrome, movers strip, borders, header), at most 200.
    static func rowLimit(_ state: AppState) -> Int {
        max(1, min(LeaderboardSnapshot.maximumLimit, state.height - 10))
    }

    /// The poll for the set on screen (nothing when nothing is watched).
    static func poll(_ state: inout AppState) -> [AppEffect] {
        guard let active = state.leaderboard.active else { return [] }
        state.leaderboard.limit = rowLimit(state)
        return [.pollLeaderboard(node: active.node, key: active.key, order: active.order, limit: state.leaderboard.limit)]
    }

    /// Called when the pane comes into view: polling starts, and stops when it leaves.
    static func entered(_ state: inout AppState) -> [AppEffect] { poll(&state) }

    /// The terminal changed size: read as many members as now fit.
    static func resized(_ state: inout AppState) -> [AppEffect] {
        guard state.pane == .leaderboard, state.leaderboard.active != nil, rowLimit(state) != state.leaderboard.limit else { return [] }
        return poll(&state)
    }

    /// Watches `key` on `node` (or switches to it if already watched) and shows the pane.
    static func watch(_ key: [UInt8], node: Int, _ state: inout AppState) -> [AppEffect] {
        if let existing = state.leaderboard.watched.firstIndex(where: { $0.key == key && $0.node == node }) {
            state.leaderboard.current = existing
        } else {
            state.leaderboard.watched.append(WatchedSortedSet(key: key, node: node, interval: state.interval))
            state.leaderboard.current = state.leaderboard.watched.count - 1
        }
        state.leaderboard.table = TableState(selected: 0)
        let count = state.leaderboard.watched.count
        state.status = StatusMessage("watching \(Sanitizer.display(key))\(count > 1 ? " (\(count) sets: n for next)" : "")", now: state.now, lifetime: 3)
        if state.pane == .leaderboard { return poll(&state) }
        return AppUpdate.show(.leaderboard, &state)
    }

    /// `l` in the keys pane: watch the selected key if it is a sorted set.
    static func watchSelectedKey(_ state: inout AppState) -> [AppEffect] {
        guard case .key(let id)? = KeysUpdate.selectedRow(state), let view = state.keys.view, let node = state.keys.node else {
            state.status = StatusMessage("select a sorted set key to watch", kind: .warning, now: state.now, lifetime: 3)
            return []
        }
        let key = view.index.key(id)
        guard view.index.type(id) == .zset else {
            state.status = StatusMessage("\(Sanitizer.display(key)) is a \(view.index.type(id)), not a sorted set", kind: .warning, now: state.now, lifetime: 3)
            return []
        }
        return watch(key, node: node, &state)
    }

    static func perform(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        let count = state.leaderboard.active?.history.rows.count ?? 0
        let page = max(1, state.height - 12)
        switch action {
        case .moveUp: state.leaderboard.table.move(by: -1, count: count)
        case .moveDown: state.leaderboard.table.move(by: 1, count: count)
        case .pageUp: state.leaderboard.table.move(by: -page, count: count)
        case .pageDown: state.leaderboard.table.move(by: page, count: count)
        case .top: state.leaderboard.table.selectFirst(count: count)
        case .bottom: state.leaderboard.table.selectLast(count: count)
        case .reverseOrder:
            guard var active = state.leaderboard.active else { return nothingWatched(&state) }
            active.order = active.order.toggled
            active.history.reset()
            state.leaderboard.watched[state.leaderboard.current] = active
            state.leaderboard.table = TableState(selected: 0)
            state.status = StatusMessage(active.order == .descending ? "highest scores first (ZREVRANGE)" : "lowest scores first (ZRANGE)", now: state.now, lifetime: 3)
            return poll(&state)
        case .nextWatched:
            guard state.leaderboard.watched.count > 1 else {
                state.status = StatusMessage(state.leaderboard.watched.isEmpty ? "nothing watched yet" : "only one sorted set watched (:zset KEY adds one)", now: state.now, lifetime: 3)
                return []
            }
            state.leaderboard.current = (state.leaderboard.current + 1) % state.leaderboard.watched.count
            state.leaderboard.table = TableState(selected: 0)
            state.leaderboard.pendingSelection = nil
            return poll(&state)
        case .findMember:
            guard state.leaderboard.active != nil else { return nothingWatched(&state) }
            state.leaderboard.findInput = InputLineState()
        case .back:
            state.status = nil
        default:
            state.status = StatusMessage("not available in the leaderboard", kind: .warning, now: state.now, lifetime: 3)
        }
        return []
    }

    private static func nothingWatched(_ state: inout AppState) -> [AppEffect] {
        state.status = StatusMessage("nothing watched: press l on a sorted set in Keys, or :zset KEY", kind: .warning, now: state.now, lifetime: 5)
        return []
    }

    /// Handles a key while the member search line is open.
    static func findKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var input = state.leaderboard.findInput else { return [] }
        switch input.handle(key) {
        case .submitted(let text):
            state.leaderboard.findInput = nil
            return find(Array(text.utf8), &state)
        case .cancelled:
            state.leaderboard.findInput = nil
        default:
            state.leaderboard.findInput = input
        }
        return []
    }

    /// Selects `member` if shown; otherwise asks the server for its rank.
    static func find(_ member: [UInt8], _ state: inout AppState) -> [AppEffect] {
        guard let active = state.leaderboard.active, !member.isEmpty else { return [] }
        let rows = active.history.rows
        if let index = rows.firstIndex(where: { $0.member == member }) {
            state.leaderboard.table.select(index, count: rows.count)
            state.status = StatusMessage("\(Sanitizer.display(member)) is rank \(rows[index].rank)", now: state.now, lifetime: 3)
            return []
        }
        return [.findMember(node: active.node, key: active.key, member: member, order: active.order)]
    }

    static func rankFound(_ key: [UInt8], _ member: [UInt8], _ result: Result<Int64?, LoadError>, _ state: inout AppState) {
        guard let active = state.leaderboard.active, active.key == key else { return }
        let name = Sanitizer.display(member)
        switch result {
        case .failure(let error):
            state.status = StatusMessage("find \(name): \(error)", kind: .error, now: state.now, lifetime: 5)
        case .success(nil):
            state.status = StatusMessage("\(name) is not in \(Sanitizer.display(key))", kind: .warning, now: state.now, lifetime: 5)
        case .success(let rank?):
            if rank <= Int64(state.leaderboard.limit) {
                // Shown on the next refresh: select it then.
                state.leaderboard.pendingSelection = member
                state.status = StatusMessage("\(name) is rank \(rank)", now: state.now, lifetime: 5)
            } else {
                state.status = StatusMessage("\(name) is rank \(rank) (only the first \(state.leaderboard.limit) are shown)", now: state.now, lifetime: 8)
            }
        }
    }

    static func loaded(_ node: Int, _ key: [UInt8], _ result: Result<LeaderboardSnapshot, LoadError>, _ state: inout AppState) {
        guard let index = state.leaderboard.watched.firstIndex(where: { $0.key == key && $0.node == node }) else { return }
        var watched = state.leaderboard.watched[index]
        switch result {
        case .success(let snapshot):
            // A reply read in the order before `o` was pressed would restart the history.
            guard snapshot.order == watched.order else { return }
            watched.history.record(snapshot)
            watched.error = nil
        case .failure(let error):
            watched.error = error.description
        }
        state.leaderboard.watched[index] = watched
        guard index == state.leaderboard.current else { return }
        let rows = watched.history.rows
        if let pending = state.leaderboard.pendingSelection, let row = rows.firstIndex(where: { $0.member == pending }) {
            state.leaderboard.table.select(row, count: rows.count)
            state.leaderboard.pendingSelection = nil
        } else if let selected = state.leaderboard.table.selected {
            state.leaderboard.table.select(min(selected, max(0, rows.count - 1)), count: rows.count)
        } else if !rows.isEmpty {
            state.leaderboard.table.select(0, count: rows.count)
        }
    }
}
