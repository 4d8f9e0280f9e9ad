import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// Switching panes and what each starts or stops; requests panes make of the app, routed in
/// order; the context a pane sees; the clock and the terminal size.
@Suite struct PaneRoutingTests {
    @Test("1 to 5 show the panes; Tab and Shift-Tab cycle through them and wrap")
    func paneKeys() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        for (key, pane) in zip("54321", [Pane.server, .pubsub, .leaderboard, .keys, .overview]) {
            state.press(key)
            #expect(state.pane == pane)
        }
        var order: [Pane] = []
        for _ in 0..<5 {
            state.press(.tab)
            order.append(state.pane)
        }
        #expect(order == [.keys, .leaderboard, .pubsub, .server, .overview])
        state.press(.backTab)
        #expect(state.pane == .server)
    }

    @Test(
        "each pane starts its reads when first shown; showing the pane on screen again does nothing",
        arguments: [
            ("1", []), ("2", [.startScan(node: 0, filter: .all)]), ("3", [.startScan(node: 0, filter: .all)]), ("4", [.listChannels(node: 0)]), ("5", [.pollServer(node: 0)]),
        ] as [(Character, [AppEffect])])
    func entering(key: Character, effects: [AppEffect]) {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.pane = key == "1" ? .keys : .overview
        #expect(state.press(key) == effects)
        #expect(state.press(key) == [])
    }

    @Test("leaving the server pane stops its poll before the next pane starts")
    func leavingServerStopsPolling() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("5")
        #expect(state.press("4") == [.stopServerPolling, .listChannels(node: 0)])
    }

    @Test("requests are carried out in order")
    func requestsInOrder() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        let effects = AppUpdate.route([.show(.server), .show(.overview)], &state)
        #expect(effects == [.pollServer(node: 0), .stopServerPolling])
        #expect(state.pane == .overview)
    }

    @Test("a watch request for a sorted set on another node watches it there and shows the leaderboard")
    func watchRequest() {
        var state = AppState(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"])
        let key = Array("board".utf8)
        let effects = AppUpdate.route([.watchSortedSet(key: key, node: 1)], &state)
        #expect(effects == [.pollLeaderboard(node: 1, key: key, order: .descending, limit: 38)])
        #expect(state.pane == .leaderboard)
        #expect(state.leaderboard.active?.node == 1)
    }

    @Test("the pane context reads the app: focus, addresses, read-only, size; a pane's status comes back")
    func paneContext() {
        var state = AppState(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"], readOnly: true, width: 100, height: 30, now: 7)
        state.command("node 2")
        let context = state.paneContext
        #expect(context.currentNode == 1)
        #expect(context.addresses == ["127.0.0.1:7001", "127.0.0.1:7002"])
        #expect(context.readOnly)
        #expect(!context.keysSpanCluster)
        #expect(context.width == 100 && context.height == 30 && context.now == 7)
        #expect(context.address(5) == "node 6")
        let effects = AppUpdate.inPane(\.server, &state) { _, context in
            context.status = StatusMessage("from the pane", now: context.now)
            context.request(.show(.server))
            return [.dumpScreen]
        }
        #expect(effects == [.dumpScreen, .pollServer(node: 1)])
        #expect(state.status?.text == "from the pane")
        #expect(state.pane == .server)
    }

    @Test("q and Ctrl-C quit from every pane", arguments: Pane.allCases)
    func quit(pane: Pane) {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.pane = pane
        #expect(state.press("q") == [.quit])
        #expect(state.press(.control("c")) == [.quit])
    }

    @Test("a tick moves the clock forward only, and the status line fades when it expires")
    func tick() {
        var state = AppState(addresses: ["127.0.0.1:7001"], now: 10)
        state.command("node 9")
        #expect(state.status?.expires == 16)
        state.send(.tick(now: 15, wallMilliseconds: 1_000))
        #expect(state.status != nil)
        #expect(state.wallMilliseconds == 1_000)
        state.send(.tick(now: 3, wallMilliseconds: 2_000))
        #expect(state.now == 15)
        state.send(.tick(now: 16, wallMilliseconds: 3_000))
        #expect(state.status == nil)
    }

    @Test("a resize is the new size of every pane")
    func resize() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        #expect(state.send(.terminal(.resize(width: 90, height: 20))) == [])
        #expect(state.width == 90 && state.height == 20)
        #expect(state.paneContext.width == 90)
    }
}
