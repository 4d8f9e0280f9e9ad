import Foundation
import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// Every pane as a person sees it in a small terminal (80×24, a split pane; 60×20), kept as text
/// under Snapshots/. What each must keep: the node's address (its port at least), the figures
/// before the sparklines, a hint bar that starts with the pane's three main keys and `?`.
@Suite struct SmallTerminalSnapshotTests {
    static let sizes = [(80, 24), (60, 20)]

    static func overview(_ addresses: [String]) -> AppState {
        StateFactory.state(addresses: addresses, seconds: 20, hitRatio: 0.95)
    }

    static func cluster() -> AppState {
        var state = StateFactory.state(addresses: ["127.0.0.1:7000", "127.0.0.1:7001", "127.0.0.1:7003"], seconds: 20)
        state.send(.clusterChanged(ClusterOverview(ClusterOverviewTests.topology(primaryOf: 7001)), added: ["127.0.0.1:7004"]))
        state.status = nil
        return state
    }

    static func keysWithValue() -> AppState {
        var state = KeyspaceFactory.keysPane()
        state.press("j")
        state.press("j")
        state.press("j")
        state.press(.enter)  // opens the user: folder
        state.press("j")
        let key = KeyspaceFactory.bytes("user:1")
        #expect(state.press(.enter) == [.openKey(node: 0, key: key, type: .hash)])
        state.send(.keyDetailLoaded(key: key, result: .success(KeyDetail(key: key, type: .hash, ttl: .persistent, memory: 100, length: 3))))
        let fields = [("name", "Ada Lovelace"), ("email", "ada@example.com"), ("plan", "pro")].map {
            HashField(field: KeyspaceFactory.bytes($0.0), value: KeyspaceFactory.bytes($0.1))
        }
        state.send(.valuePageLoaded(key: key, result: .success(ValuePage(key: key, type: .hash, content: .hash(fields), next: nil))))
        return state
    }

    static func leaderboard() -> AppState {
        var state = LeaderboardViewTests.watching()
        state.send(.leaderboardLoaded(node: 0, key: LeaderboardViewTests.key, result: .success(LeaderboardViewTests.snapshot(0, [("alice", 100), ("bob", 90), ("carol", 80)], cardinality: 1200))))
        state.send(
            .leaderboardLoaded(
                node: 0, key: LeaderboardViewTests.key,
                result: .success(LeaderboardViewTests.snapshot(1, [("carol", 130), ("alice", 100), ("dave", 95), ("bob", 90)], cardinality: 1201))))
        state.status = nil
        return state
    }

    /// Nothing watched: the sorted sets of the index, with their sizes.
    static func leaderboardOffer() -> AppState {
        var state = overview(["127.0.0.1:6379"])
        state.press("3")
        state.send(.keyspaceUpdated(node: 0, update: KeyspaceFactory.update(SortedSetOfferTests.world)))
        let keys = ["leaderboard:score", "leaderboard:weekly", "board"].map(SortedSetOfferTests.bytes)
        state.send(.sortedSetsCounted(node: 0, keys: keys, result: .success([1200, 40, 7])))
        return state
    }

    /// A filter with one match: its folder opened by itself.
    static func keysFiltered() -> AppState {
        var state = KeyspaceFactory.keysPane()
        state.press("/")
        state.type("user:2")
        state.press(.enter)
        return state
    }

    static func pubsub() -> AppState {
        var state = PubSubViewTests.subscribed()
        state.send(
            .pubsubReceived(
                node: 0,
                batch: PubSubFactory.batch([
                    PubSubFactory.message("news", "plain hello"),
                    PubSubFactory.message("orders", #"{"id":42,"items":["a","b"]}"#),
                ]), now: 2))
        state.status = nil
        return state
    }

    static func doctor() -> AppState {
        var state = DoctorViewTests.state()
        state.status = nil
        return state
    }

    static func help() -> AppState {
        var state = overview(["127.0.0.1:6379"])
        state.press("?")
        return state
    }

    /// Each screen by name.
    static func screens() -> [(String, AppState)] {
        [
            ("overview-1-node", overview(["127.0.0.1:45983"])),
            ("overview-3-nodes", overview(["cache-eu-west-1a.prod.example.com:6379", "cache-eu-west-1b.prod.example.com:6379", "cache-eu-west-1c.prod.example.com:6380"])),
            ("overview-cluster", cluster()),
            ("keys-value-open", keysWithValue()),
            ("keys-filtered", keysFiltered()),
            ("leaderboard", leaderboard()),
            ("leaderboard-offer", leaderboardOffer()),
            ("pubsub", pubsub()),
            ("server", ServerViewTests.state()),
            ("doctor", doctor()),
            ("help", help()),
        ]
    }

    @Test(arguments: sizes) func everyPane(width: Int, height: Int) {
        for (name, state) in Self.screens() {
            expectScreen(state.resized(width, height), named: "\(name)-\(width)x\(height)")
        }
    }

    @Test func belowTheMinimumOneLineSaysWhatItIs() {
        let screen = Self.overview(["127.0.0.1:6379"]).resized(50, 12)
        let lines = AppView.render(screen).text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines[0] == "cachescope needs at least 60×16 (this is 50×12)")
        #expect(lines.dropFirst().allSatisfy { $0.isEmpty })
    }
}

/// What a small terminal keeps: `→` scrolls in the node table's hidden columns, and every
/// pane's hint bar at 80 columns starts with its three main keys and `?`.
@Suite struct SmallTerminalKeysTests {
    static func bottomRow(_ state: AppState) -> String {
        String(AppView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false)[state.height - 1])
    }

    @Test func rightArrowScrollsHiddenColumnsIn() {
        var state = SmallTerminalSnapshotTests.overview(["127.0.0.1:45983"]).resized(80, 24)
        #expect(AppView.render(state).text.contains("+3 cols → · interval"))
        // Each → moves the first shown figure or sparkline out to the left, until nothing is hidden.
        for _ in 0..<8 { state.press(.right) }
        let scrolled = AppView.render(state).text
        #expect(state.overview.columnScroll == 3)
        #expect(scrolled.contains("← 3 · interval"))
        #expect(!scrolled.contains("OPS/S") && !scrolled.contains("HIT%"))
        #expect(scrolled.contains("EVICT/S") && scrolled.contains("CLIENTS") && scrolled.contains("LATENCY"))
        #expect(state.status?.text.description == "every column is shown")
        for _ in 0..<5 { state.press(.left) }
        #expect(state.overview.columnScroll == 0)
        #expect(AppView.render(state).text.contains("+3 cols → · interval"))
    }

    @Test(arguments: [
        (Pane.overview, "Enter show only this node  → more columns  : command  ? help"),
        (Pane.keys, "/ filter  Enter/→ open  H doctor  ? help"),
        (Pane.leaderboard, "Enter watch this set  : command  2 Keys  ? help"),
        (Pane.pubsub, "Space pause  / filter  e key events  ? help"),
        (Pane.server, "→ next section  / filter clients  s sort by next column  ? help"),
    ])
    func hintBarLeadsWithThreeKeysAndHelp(pane: Pane, lead: String) {
        var state = SmallTerminalSnapshotTests.overview(["127.0.0.1:6379"]).resized(80, 24)
        state.pane = pane
        #expect(Self.bottomRow(state).hasPrefix(" " + lead), "\(Self.bottomRow(state))")
    }
}
