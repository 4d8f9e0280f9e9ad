import Foundation
import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// The leaderboard with nothing watched lists the sorted sets of the keys index, biggest
/// first, and Enter watches one.
@Suite struct SortedSetOfferTests {
    static let world: [KeyspaceFactory.Entry] =
        KeyspaceFactory.world + [
            ("leaderboard:score", .zset, .persistent, 1770),
            ("leaderboard:weekly", .zset, .persistent, 900),
        ]
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func looksThenListsBiggestFirstWithCountsAndEnterWatches() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2, width: 80, height: 24)
        // Nothing has walked the keyspace yet: the pane starts the walk and says it is looking.
        #expect(state.press("3") == [.startScan(node: 0, filter: .all)])
        #expect(AppView.render(state).text.contains("Looking for sorted sets in the keyspace"))
        state.send(.keyspaceUpdated(node: 0, update: KeyspaceFactory.update([], phase: .scanning)))

        let effects = state.send(.keyspaceUpdated(node: 0, update: KeyspaceFactory.update(Self.world)))
        let keys = ["leaderboard:score", "leaderboard:weekly", "board"].map(Self.bytes)
        #expect(effects == [.countSortedSets(node: 0, keys: keys)])
        state.send(.sortedSetsCounted(node: 0, keys: keys, result: .success([1200, 40, nil])))
        let screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        let lines = screen.split(separator: "\n")
        let score = lines.firstIndex { $0.contains("leaderboard:score") && $0.contains("1.20k") && $0.contains("1.73K") }
        let weekly = lines.firstIndex { $0.contains("leaderboard:weekly") && $0.contains("40") }
        let board = lines.firstIndex { $0.contains("board ") && $0.contains("…") }
        #expect(score != nil && weekly != nil && board != nil)
        #expect(score! < weekly! && weekly! < board!)
        #expect(screen.contains("3 sorted sets"))
        #expect(state.send(.keyspaceUpdated(node: 0, update: KeyspaceFactory.update(Self.world))).isEmpty, "counts are read once")

        state.press("j")
        #expect(state.press(.enter) == [.pollLeaderboard(node: 0, key: Self.bytes("leaderboard:weekly"), order: .descending, limit: 14)])
        #expect(state.leaderboard.active?.key == Self.bytes("leaderboard:weekly"))
    }

    @Test func zsetCommandStillWatchesByName() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2)
        state.press("3")
        #expect(state.command("zset other") == [.pollLeaderboard(node: 0, key: Self.bytes("other"), order: .descending, limit: 38)])
    }

    @Test func aFinishedWalkWithoutSortedSetsSaysSo() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2)
        state.press("3")
        state.send(.keyspaceUpdated(node: 0, update: KeyspaceFactory.update(Array(KeyspaceFactory.world.dropFirst()))))
        #expect(AppView.render(state).text.contains("No sorted set in the keyspace. :zset KEY watches one by name."))
    }
}
