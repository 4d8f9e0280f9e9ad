import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// The leaderboard's update: what `:zset` watches and polls, when polls start and stop, resizing,
/// the keys with nothing watched, rank lookups and replies for sets no longer shown.
@Suite struct LeaderboardUpdateTests {
    static let key = Array("board".utf8)
    static let other = Array("scores:weekly".utf8)

    static func snapshot(_ members: [(String, Double)], key: [UInt8] = key, order: LeaderboardOrder = .descending) -> LeaderboardSnapshot {
        LeaderboardSnapshot(
            key: key, time: 1, order: order, entries: members.map { LeaderboardEntry(member: Array($0.0.utf8), score: $0.1) },
            cardinality: Int64(members.count))
    }

    /// Watching ``key`` on the leaderboard pane, with alice, bob and carol read.
    static func watching() -> AppState {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.command("zset board")
        state.send(.leaderboardLoaded(node: 0, key: key, result: .success(snapshot([("alice", 3), ("bob", 2), ("carol", 1)]))))
        return state
    }

    @Test(":zset watches the set, shows the pane and polls as many members as fit")
    func zsetCommand() {
        var state = AppState(addresses: ["127.0.0.1:7001"], height: 30)
        #expect(state.command("zset board") == [.pollLeaderboard(node: 0, key: Self.key, order: .descending, limit: 20)])
        #expect(state.pane == .leaderboard)
        #expect(state.status?.text == "watching board")
        #expect(state.leaderboard.limit == 20)
    }

    @Test("watching the same set again switches to it instead of adding it")
    func watchAgain() {
        var state = Self.watching()
        state.command("zset scores:weekly")
        #expect(state.leaderboard.watched.map(\.key) == [Self.key, Self.other])
        #expect(state.status?.text == "watching scores:weekly (2 sets: n for next)")
        #expect(state.command("zset board") == [.pollLeaderboard(node: 0, key: Self.key, order: .descending, limit: 38)])
        #expect(state.leaderboard.watched.count == 2)
        #expect(state.leaderboard.current == 0)
    }

    @Test("the poll stops when the pane is left and starts again when it is shown")
    func pollOnlyWhileVisible() {
        var state = Self.watching()
        #expect(state.press("2") == [.stopLeaderboardPolling, .startScan(node: 0, filter: .all)])
        #expect(state.press("3") == [.pollLeaderboard(node: 0, key: Self.key, order: .descending, limit: 38)])
        #expect(state.press(.tab) == [.stopLeaderboardPolling, .listChannels(node: 0)])
    }

    @Test("a resize on the pane polls the number of rows that now fit; elsewhere it does nothing")
    func resize() {
        var state = Self.watching()
        #expect(state.send(.terminal(.resize(width: 120, height: 60))) == [.pollLeaderboard(node: 0, key: Self.key, order: .descending, limit: 50)])
        #expect(state.send(.terminal(.resize(width: 100, height: 60))) == [], "same number of rows")
        state.press("1")
        #expect(state.send(.terminal(.resize(width: 120, height: 40))) == [])
        #expect(state.height == 40)
    }

    @Test("o, / and n with nothing watched explain how to watch a set", arguments: ["o", "/"] as [Character])
    func nothingWatched(key: Character) {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("3")
        #expect(state.press(key) == [])
        #expect(state.leaderboard.findInput == nil)
        #expect(state.status?.text == "nothing watched: press l on a sorted set in Keys, or :zset KEY")
    }

    @Test("n needs two watched sets")
    func nextNeedsTwo() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("3")
        #expect(state.press("n") == [])
        #expect(state.status?.text == "nothing watched yet")
        state.command("zset board")
        #expect(state.press("n") == [])
        #expect(state.status?.text == "only one sorted set watched (:zset KEY adds one)")
    }

    @Test("j, k, G, g move over the members; replies keep the selection inside the rows")
    func movement() {
        var state = Self.watching()
        state.press("G")
        #expect(state.leaderboard.table.selected == 2)
        state.press("k")
        #expect(state.leaderboard.table.selected == 1)
        state.press("g")
        #expect(state.leaderboard.table.selected == 0)
        state.press("G")
        state.send(.leaderboardLoaded(node: 0, key: Self.key, result: .success(Self.snapshot([("alice", 3)]))))
        #expect(state.leaderboard.table.selected == 0)
    }

    @Test("a rank lookup: not a member, failed, beyond the rows shown, or selected on the next refresh")
    func rankAnswers() {
        var state = Self.watching()
        let zed = Array("zed".utf8)
        state.send(.memberRankFound(key: Self.key, member: zed, result: .success(nil)))
        #expect(state.status?.text == "zed is not in board")
        state.send(.memberRankFound(key: Self.key, member: zed, result: .failure(LoadError("timeout"))))
        #expect(state.status?.text == "find zed: timeout")
        #expect(state.status?.kind == .error)
        state.send(.memberRankFound(key: Self.key, member: zed, result: .success(5)))
        #expect(state.leaderboard.pendingSelection == zed)
        #expect(state.status?.text == "zed is rank 5")
        state.send(.leaderboardLoaded(node: 0, key: Self.key, result: .success(Self.snapshot([("a", 9), ("b", 8), ("c", 7), ("d", 6), ("zed", 5)]))))
        #expect(state.leaderboard.table.selected == 4)
        #expect(state.leaderboard.pendingSelection == nil)
    }

    @Test("a rank lookup answered for a set no longer shown is ignored")
    func rankForAnotherSet() {
        var state = Self.watching()
        state.send(.memberRankFound(key: Self.other, member: Array("zed".utf8), result: .success(nil)))
        #expect(state.status?.text == "watching board")
    }

    @Test("a failed refresh keeps the rows and records why; replies for unwatched sets are dropped")
    func refreshFailureAndStrays() {
        var state = Self.watching()
        state.send(.leaderboardLoaded(node: 0, key: Self.key, result: .failure(LoadError("WRONGTYPE"))))
        #expect(state.leaderboard.active?.error == "WRONGTYPE")
        #expect(state.leaderboard.active?.history.rows.count == 3)
        state.send(.leaderboardLoaded(node: 0, key: Self.key, result: .success(Self.snapshot([("alice", 4)]))))
        #expect(state.leaderboard.active?.error == nil)
        state.send(.leaderboardLoaded(node: 0, key: Self.other, result: .success(Self.snapshot([("x", 1)], key: Self.other))))
        state.send(.leaderboardLoaded(node: 1, key: Self.key, result: .success(Self.snapshot([("x", 1)]))))
        #expect(state.leaderboard.watched.count == 1)
        #expect(state.leaderboard.active?.history.rows.map { String(decoding: $0.member, as: UTF8.self) } == ["alice"])
    }

    @Test("/ takes every typed key until Enter or Esc")
    func findInputFocus() {
        var state = Self.watching()
        state.press("/")
        #expect(state.inputFocus == .leaderboardFind)
        #expect(state.type("on") == [])
        #expect(state.leaderboard.active?.order == .descending)
        state.press(.escape)
        #expect(state.inputFocus == .bindings)
        #expect(state.leaderboard.findInput == nil)
    }
}
