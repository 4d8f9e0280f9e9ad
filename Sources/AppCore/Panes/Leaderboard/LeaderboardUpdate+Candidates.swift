import Inspector
import TerminalUI

/// The leaderboard with nothing watched: it lists the sorted sets the keys index found (their
/// member counts read with one `ZCARD` each, for the rows on screen), and Enter watches one.
extension LeaderboardUpdate {
    /// The keys pane's index of `node` changed: refresh the offer while nothing is watched and
    /// the pane is on screen (building it walks the whole index).
    static func indexUpdated(_ node: Int, _ update: KeyspaceScanUpdate, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        guard leaderboard.active == nil, context.pane == .leaderboard else { return [] }
        return offer(update.view.index, node: node, complete: update.progress.phase == .finished, &leaderboard, &context)
    }

    /// Lists the sorted sets of `index` and asks for the member counts of those on screen.
    static func offer(_ index: KeyIndex, node: Int, complete: Bool, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect] {
        var candidates = SortedSetCandidates(index, node: node, complete: complete, previous: leaderboard.candidates)
        let shown = candidates.entries.prefix(rowLimit(context)).map(\.key)
        let missing = shown.filter { !candidates.counting.contains($0) }
        candidates.counting.formUnion(missing)
        leaderboard.candidates = candidates
        // The selection stays on its row, or lands on the first once there is one.
        let count = candidates.entries.count
        if count > 0 { leaderboard.table.select(min(leaderboard.table.selected ?? 0, count - 1), count: count) }
        return missing.isEmpty ? [] : [.countSortedSets(node: node, keys: missing)]
    }

    /// Member counts arrived.
    static func counted(_ node: Int, _ keys: [[UInt8]], _ result: Result<[Int64?], LoadError>, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) {
        guard var candidates = leaderboard.candidates, candidates.node == node, case .success(let counts) = result else { return }
        let read = Dictionary(zip(keys, counts).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        for i in candidates.entries.indices {
            if let count = read[candidates.entries[i].key] { candidates.entries[i].members = count }
        }
        leaderboard.candidates = candidates
    }

    /// Moving and Enter act on the offered sets; nil for actions that mean the same either way.
    static func performOnCandidates(_ action: AppAction, _ leaderboard: inout LeaderboardState, _ context: inout PaneContext) -> [AppEffect]? {
        let entries = leaderboard.candidates?.entries ?? []
        if leaderboard.table.navigate(action, count: entries.count, page: max(1, context.height - 10)) {
            // Rows scrolled into view get their member counts too.
            guard var candidates = leaderboard.candidates else { return [] }
            let missing = entries.prefix(max(rowLimit(context), (leaderboard.table.selected ?? 0) + 1)).map(\.key).filter { !candidates.counting.contains($0) }
            candidates.counting.formUnion(missing)
            leaderboard.candidates = candidates
            return missing.isEmpty ? [] : [.countSortedSets(node: candidates.node, keys: missing)]
        }
        guard action == .open else { return nil }
        guard let candidates = leaderboard.candidates, let row = leaderboard.table.selected, entries.indices.contains(row) else {
            context.status = StatusMessage("no sorted set to watch yet: :zset KEY watches one by name", kind: .warning, now: context.now, lifetime: 3)
            return []
        }
        return watch(entries[row].key, node: candidates.node, &leaderboard, &context)
    }
}
