import Foundation
import Inspector
import TerminalUI
import Testing

@testable import AppCore

@Suite struct LeaderboardViewTests {
    static let key = Array("leaderboard:score".utf8)

    static func snapshot(_ time: Double, _ members: [(String, Double)], cardinality: Int64? = nil, order: LeaderboardOrder = .descending) -> LeaderboardSnapshot {
        LeaderboardSnapshot(key: key, time: time, order: order, entries: members.map { LeaderboardEntry(member: Array($0.0.utf8), score: $0.1) }, cardinality: cardinality ?? Int64(members.count))
    }

    static func watching() -> AppState {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2)
        _ = AppUpdate.update(&state, .terminal(.key(.character(":"))))
        for ch in "zset leaderboard:score" { _ = AppUpdate.update(&state, .terminal(.key(.character(ch)))) }
        let effects = AppUpdate.update(&state, .terminal(.key(.enter)))
        #expect(state.pane == .leaderboard)
        #expect(effects == [.pollLeaderboard(node: 0, key: key, order: .descending, limit: 38)])
        return state
    }

    @Test func tableWithMovementMoversAndCardinality() {
        var state = Self.watching()
        _ = AppUpdate.update(&state, .leaderboardLoaded(node: 0, key: Self.key, result: .success(Self.snapshot(0, [("alice", 100), ("bob", 90), ("carol", 80)], cardinality: 2_500_000))))
        _ = AppUpdate.update(
            &state, .leaderboardLoaded(node: 0, key: Self.key, result: .success(Self.snapshot(1, [("carol", 130), ("alice", 100), ("dave\u{1b}]0;x\u{07}", 95), ("bob", 90)], cardinality: 2_500_001))))
        let buffer = AppView.render(state)
        let screen = buffer.text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("leaderboard:score"))
        #expect(screen.contains("2500001 members"))
        #expect(screen.contains("Top movers"))
        #expect(screen.contains("carol +50 ↑2"))
        #expect(screen.contains("↓1"))
        #expect(screen.contains("new"))
        #expect(screen.contains("+3000"))  // per minute
        #expect(screen.contains("dave\\x1b]0;x\\a"))
        #expect(!buffer.cells.contains { $0.symbol.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 } })
        let up = LeaderboardView.movementSpan(.up(2), state.leaderboard, state.paneContext)
        #expect(up.style == state.theme.ok.adding(.bold))
        #expect(LeaderboardView.movementSpan(.down(1), state.leaderboard, state.paneContext).style == state.theme.critical)
    }

    @Test func goneAndWrongTypeAreSaid() {
        var state = Self.watching()
        var gone = Self.snapshot(0, [])
        gone.status = .gone
        _ = AppUpdate.update(&state, .leaderboardLoaded(node: 0, key: Self.key, result: .success(gone)))
        #expect(AppView.render(state).text.contains("key gone"))
        var changed = Self.snapshot(1, [])
        changed.status = .wrongType("string")
        _ = AppUpdate.update(&state, .leaderboardLoaded(node: 0, key: Self.key, result: .success(changed)))
        #expect(AppView.render(state).text.contains("not a sorted set any more"))
    }

    @Test func orderToggleFindAndNextWatched() {
        var state = Self.watching()
        _ = AppUpdate.update(&state, .leaderboardLoaded(node: 0, key: Self.key, result: .success(Self.snapshot(0, [("alice", 100), ("bob", 90), ("carol", 80)]))))
        // `/` then a shown member selects it.
        _ = AppUpdate.update(&state, .terminal(.key(.character("/"))))
        #expect(AppView.render(state).text.contains("find member:"))
        for ch in "carol" { _ = AppUpdate.update(&state, .terminal(.key(.character(ch)))) }
        #expect(AppUpdate.update(&state, .terminal(.key(.enter))) == [])
        #expect(state.leaderboard.table.selected == 2)
        // A member not shown is looked up on the server.
        _ = AppUpdate.update(&state, .terminal(.key(.character("/"))))
        for ch in "zed" { _ = AppUpdate.update(&state, .terminal(.key(.character(ch)))) }
        #expect(AppUpdate.update(&state, .terminal(.key(.enter))) == [.findMember(node: 0, key: Self.key, member: Array("zed".utf8), order: .descending)])
        _ = AppUpdate.update(&state, .memberRankFound(key: Self.key, member: Array("zed".utf8), result: .success(5000)))
        #expect(state.status?.text.contains("rank 5000") == true)

        #expect(AppUpdate.update(&state, .terminal(.key(.character("o")))) == [.pollLeaderboard(node: 0, key: Self.key, order: .ascending, limit: 38)])
        #expect(state.leaderboard.active?.history.rows.isEmpty == true)
        // A late reply in the old order is dropped.
        _ = AppUpdate.update(&state, .leaderboardLoaded(node: 0, key: Self.key, result: .success(Self.snapshot(1, [("alice", 100)]))))
        #expect(state.leaderboard.active?.history.rows.isEmpty == true)

        _ = AppUpdate.update(&state, .terminal(.key(.character(":"))))
        for ch in "zset other" { _ = AppUpdate.update(&state, .terminal(.key(.character(ch)))) }
        _ = AppUpdate.update(&state, .terminal(.key(.enter)))
        #expect(state.leaderboard.watched.count == 2)
        #expect(AppUpdate.update(&state, .terminal(.key(.character("n")))) == [.pollLeaderboard(node: 0, key: Self.key, order: .ascending, limit: 38)])
        #expect(AppUpdate.update(&state, .terminal(.key(.character("1")))) == [.stopLeaderboardPolling])
    }

    @Test func emptyPaneLooksForSortedSets() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        #expect(AppUpdate.update(&state, .terminal(.key(.character("3")))) == [.startScan(node: 0, filter: .all)])
        #expect(AppView.render(state).text.contains("Looking for sorted sets in the keyspace… (:zset KEY watches one by name)"))
    }
}

@Suite struct LeaderboardWatchFromKeysTests {
    @Test func lOnAZsetInKeysWatchesIt() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        var index = KeyIndex()
        for (key, type) in [("leaderboard:score", RedisKeyType.zset), ("plain", .string)] {
            let id = index.insert(Array(key.utf8))!.id
            index.update(id, type: type, ttl: .persistent, memory: 10)
        }
        _ = AppUpdate.update(&state, .terminal(.key(.character("2"))))
        state.keys.view = KeyspaceView(index: index)
        state.keys.mode = .flat
        KeysUpdate.rebuild(&state.keys, state.paneContext, keepSelection: false)
        // `l` on the string: refused, nothing polled.
        _ = AppUpdate.update(&state, .terminal(.key(.down)))
        #expect(AppUpdate.update(&state, .terminal(.key(.character("l")))) == [])
        #expect(state.status?.text.contains("not a sorted set") == true)
        _ = AppUpdate.update(&state, .terminal(.key(.up)))
        let effects = AppUpdate.update(&state, .terminal(.key(.character("l"))))
        #expect(state.pane == .leaderboard)
        #expect(effects == [.pollLeaderboard(node: 0, key: Array("leaderboard:score".utf8), order: .descending, limit: 38)])
    }
}
