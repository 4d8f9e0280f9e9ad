import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// The keys pane driven by keys and scanner updates: the scan it asks for, the filter, the tree
/// and list, the sort and type filter, opening folders and values, and `l`.
@Suite struct KeysUpdateTests {
    typealias K = KeyspaceFactory

    @Test("entering the pane starts one scan; coming back to the same node keeps the index")
    func enteringScansOnce() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        #expect(state.press("2") == [.startScan(node: 0, filter: .all)])
        #expect(state.keys.progress.phase == .scanning)
        #expect(state.keys.node == 0)
        #expect(state.press("1") == [])
        #expect(state.press("2") == [])
    }

    @Test("a scan update lists the root of the tree, first row selected")
    func scanUpdateListsTheTree() {
        let state = K.keysPane()
        #expect(K.rowNames(state.keys) == ["board", "config", "session:", "user:"])
        #expect(state.keys.table.selected == 0)
        #expect(state.keys.progress.phase == .finished)
        #expect(state.keys.view?.count == 7)
    }

    @Test("updates from another node, or from a cluster-wide scan the pane is not showing, are ignored")
    func foreignUpdatesIgnored() {
        var state = AppState(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"])
        state.press("2")
        state.send(.keyspaceUpdated(node: 1, update: K.update()))
        #expect(state.keys.listing.count == 0)
        state.send(.keyspaceUpdated(node: 0, update: K.update(), clusterWide: true))
        #expect(state.keys.listing.count == 0)
        state.send(.keyspaceUpdated(node: 0, update: K.update()))
        #expect(state.keys.listing.count == 4)
    }

    @Test("r rescans the whole keyspace, or with the filter's glob as SCAN MATCH")
    func rescan() {
        var state = K.keysPane()
        #expect(state.press("r") == [.startScan(node: 0, filter: .all)])
        #expect(state.keys.progress.phase == .scanning)
        #expect(state.status?.text.description == "rescanning")
        state.press("/")
        state.type("session")
        state.press(.enter)
        let effects = state.press("r")
        #expect(effects == [.startScan(node: 0, filter: KeyFilter(pattern: GlobPattern("*session*")))])
        #expect(state.status?.text.description == "rescanning keys matching *session* (SCAN MATCH)")
    }

    @Test("/ takes every typed key (s, e, q do nothing else) and Enter narrows the list")
    func filterTyping() {
        var state = K.keysPane()
        state.press("/")
        #expect(state.inputFocus == .keysFilter)
        #expect(state.type("sessq") == [])
        #expect(state.overlay == nil)
        #expect(state.keys.sort == .name)
        state.press(.backspace)
        #expect(state.keys.filterInput?.text == "sess")
        #expect(state.press(.enter) == [])
        #expect(state.inputFocus == .bindings)
        #expect(state.keys.filterText == "sess")
        #expect(K.rowNames(state.keys) == ["session:", "a", "b"], "few matches: their folder opens")
        #expect(state.status?.text.description == "2 keys match *sess* (r rescans with SCAN MATCH)")
    }

    @Test("a glob is used as typed; Esc while typing leaves the filter as it was")
    func filterGlobAndCancel() {
        var state = K.keysPane()
        state.press("/")
        state.type("user:?")
        state.press(.enter)
        #expect(state.keys.view?.count == 3)
        state.press("/")
        #expect(state.keys.filterInput?.text == "user:?")
        state.type("xyz")
        state.press(.escape)
        #expect(state.keys.filterInput == nil)
        #expect(state.keys.filterText == "user:?")
        #expect(state.keys.view?.count == 3)
    }

    @Test("Esc clears the filter and the type filter, then the status line")
    func escapeClearsFilter() {
        var state = K.keysPane()
        state.press("/")
        state.type("user")
        state.press(.enter)
        state.press("T")
        #expect(state.keys.typeFilter == .string)
        state.press(.escape)
        #expect(state.keys.filterText.isEmpty)
        #expect(state.keys.typeFilter == nil)
        #expect(K.rowNames(state.keys) == ["board", "config", "session:", "user:"])
        #expect(state.status?.text.description == "filter cleared")
        state.press(.escape)
        #expect(state.status == nil)
    }

    @Test("a filter also narrows the scanner's later updates")
    func filterAppliesToLaterUpdates() {
        var state = K.keysPane()
        state.press("/")
        state.type("user")
        state.press(.enter)
        state.send(.keyspaceUpdated(node: 0, update: K.update(K.world + [("user:4", .hash, .persistent, 90)])))
        #expect(K.rowNames(state.keys) == ["user:", "1", "2", "3", "4"])
        #expect(state.keys.view?.count == 4)
    }

    @Test("t switches between the tree and the flat list of every key")
    func treeAndFlat() {
        var state = K.keysPane()
        state.press("t")
        #expect(state.keys.mode == .flat)
        #expect(K.rowNames(state.keys) == ["board", "config", "session:a", "session:b", "user:1", "user:2", "user:3"])
        state.press("t")
        #expect(state.keys.mode == .tree)
        #expect(state.keys.listing.count == 4)
    }

    @Test("s cycles name, memory, TTL and says which")
    func sortCycle() {
        var state = K.keysPane()
        state.press("s")
        #expect(state.keys.sort == .memory)
        #expect(state.status?.text.description == "sorted by memory")
        #expect(K.rowNames(state.keys) == ["board", "user:", "session:", "config"])
        state.press("s")
        #expect(state.keys.sort == .ttl)
        #expect(state.status?.text.description == "sorted by TTL")
        state.press("s")
        #expect(state.keys.sort == .name)
        #expect(K.rowNames(state.keys) == ["board", "config", "session:", "user:"])
    }

    @Test("T cycles the type filter through every type and back to none")
    func typeFilterCycle() {
        var state = K.keysPane()
        state.press("T")
        #expect(state.keys.typeFilter == .string)
        #expect(state.keys.view?.count == 3)
        #expect(state.status?.text.description == "3 keys match type string (r rescans with SCAN MATCH)")
        state.press("T")
        #expect(state.keys.typeFilter == .hash)
        #expect(K.rowNames(state.keys) == ["user:", "1", "2", "3"])
        for _ in 0..<5 { state.press("T") }
        #expect(state.keys.typeFilter == nil)
        #expect(state.keys.view?.count == 7)
        #expect(state.status?.text.description == "filter cleared")
    }

    @Test("j, k, G, g move the selection within the rows")
    func navigation() {
        var state = K.keysPane()
        state.press("k")
        #expect(state.keys.table.selected == 0)
        state.press("j")
        #expect(state.keys.table.selected == 1)
        state.press("G")
        #expect(state.keys.table.selected == 3)
        state.press(.down)
        #expect(state.keys.table.selected == 3)
        state.press("g")
        #expect(state.keys.table.selected == 0)
    }

    @Test("the selection stays where it was across scan updates, inside the new rows")
    func selectionKeptAcrossUpdates() {
        var state = K.keysPane()
        state.press("j")
        state.press("j")
        state.send(.keyspaceUpdated(node: 0, update: K.update()))
        #expect(state.keys.table.selected == 2)
        state.send(.keyspaceUpdated(node: 0, update: K.update([("only", .string, .persistent, 1)])))
        #expect(state.keys.table.selected == 0)
    }

    @Test("Enter on a folder opens it, Enter again closes it; nothing is read from the server")
    func openFolder() {
        var state = K.keysPane()
        state.press("j")
        state.press("j")
        #expect(state.press(.enter) == [])
        #expect(K.rowNames(state.keys) == ["board", "config", "session:", "a", "b", "user:"])
        #expect(state.keys.table.selected == 2)
        #expect(state.press(.enter) == [])
        #expect(state.keys.listing.count == 4)
    }

    @Test("Enter or → on a key opens its value: one read of its detail and first page")
    func openKey() {
        var state = K.keysPane()
        state.press("j")
        #expect(state.press(.enter) == [.openKey(node: 0, key: K.bytes("config"), type: .string)])
        #expect(state.keys.opened?.key == K.bytes("config"))
        #expect(state.keys.opened?.loading == true)
        state.press(.escape)
        #expect(state.keys.opened == nil)
        #expect(state.press(.right) == [.openKey(node: 0, key: K.bytes("config"), type: .string)])
        state.press(.left)
        #expect(state.keys.opened == nil)
    }

    @Test("← on a key in an open folder closes the folder and selects it; on an open folder, closes it")
    func collapse() {
        var state = K.keysPane()
        state.press("G")
        state.press(.enter)
        #expect(K.rowNames(state.keys) == ["board", "config", "session:", "user:", "1", "2", "3"])
        state.press("G")
        state.press(.left)
        #expect(state.keys.listing.count == 4)
        #expect(state.keys.table.selected == 3)
        state.press(.enter)
        state.press(.left)
        #expect(state.keys.listing.count == 4)
        #expect(state.keys.table.selected == 3)
        // At the root with nothing open, ← changes nothing.
        state.press("g")
        state.press(.left)
        #expect(state.keys.listing.count == 4)
        #expect(state.keys.table.selected == 0)
    }

    @Test("a folder with more children than are listed ends in a row that says to narrow with /")
    func moreRow() {
        let big = (0...KeyListingBuilder.childLimit).map { ("big:\($0)", RedisKeyType.string, KeyTTL.persistent, UInt64(1)) }
        var state = K.keysPane(big)
        state.press(.enter)
        #expect(K.rowNames(state.keys).last == "+1")
        state.press("G")
        #expect(state.press(.enter) == [])
        #expect(state.keys.opened == nil)
        #expect(state.status?.text.description == "narrow the list with / to see these keys")
    }

    @Test("the detail of the open key arrives, or it is gone, or the read failed; other keys' replies are ignored")
    func detailLoaded() {
        var state = K.keysPane()
        state.press("j")
        state.press(.enter)
        state.send(.keyDetailLoaded(key: K.bytes("board"), result: .success(nil)))
        #expect(state.keys.opened?.error == nil)
        let detail = KeyDetail(key: K.bytes("config"), type: .string, ttl: .persistent, memory: 60, length: 12)
        state.send(.keyDetailLoaded(key: K.bytes("config"), result: .success(detail)))
        #expect(state.keys.opened?.detail == detail)
        state.send(.keyDetailLoaded(key: K.bytes("config"), result: .success(nil)))
        #expect(state.keys.opened?.error == "the key no longer exists")
        #expect(state.keys.opened?.loading == false)
        state.send(.keyDetailLoaded(key: K.bytes("config"), result: .failure(LoadError("READONLY You can't write"))))
        #expect(state.keys.opened?.error == "READONLY You can't write")
    }

    @Test("] reads the next page of the value once, only while there is one and none is in flight")
    func valuePaging() {
        var state = K.keysPane()
        state.press("G")
        state.press(.enter)
        state.press("j")
        state.press(.enter)
        let key = K.bytes("user:1")
        #expect(state.keys.opened?.key == key)
        state.send(.valuePageLoaded(key: key, result: .success(ValuePage(key: key, type: .hash, content: .hash([]), next: .scan(Array("17".utf8))))))
        #expect(state.keys.opened?.pages.count == 1)
        #expect(state.keys.opened?.loading == false)
        #expect(state.press("]") == [.loadValuePage(node: 0, key: key, type: .hash, cursor: .scan(Array("17".utf8)))])
        #expect(state.press("]") == [], "a page is already on its way")
        state.send(.valuePageLoaded(key: key, result: .success(ValuePage(key: key, type: .hash, content: .hash([]), next: nil))))
        #expect(state.keys.opened?.pages.count == 2)
        #expect(state.press("]") == [], "everything has been read")
        state.send(.valuePageLoaded(key: key, result: .failure(LoadError("timed out"))))
        #expect(state.keys.opened?.error == "timed out")
    }

    @Test("x shows the open value as hex and back; j/k/g scroll the value, not the list")
    func hexAndScroll() {
        var state = K.keysPane()
        state.press("j")
        state.press(.enter)
        state.press("x")
        #expect(state.keys.opened?.hex == true)
        state.press("x")
        #expect(state.keys.opened?.hex == false)
        state.press("j")
        state.press("j")
        state.press("k")
        #expect(state.keys.opened?.scroll == 1)
        #expect(state.keys.table.selected == 1)
        state.press("g")
        #expect(state.keys.opened?.scroll == 0)
        state.press(.pageDown)
        #expect(state.keys.opened?.scroll == state.height - 10)
    }

    @Test("l on a sorted set asks the leaderboard to watch it; the pane itself changes nothing else")
    func watchRequest() {
        var state = K.keysPane()
        var context = state.paneContext
        #expect(KeysUpdate.watchSelected(&state.keys, &context) == [])
        #expect(context.requests == [.watchSortedSet(key: K.bytes("board"), node: 0)])
        #expect(context.status == nil)
        // Routed by the app: the leaderboard watches it and is shown.
        #expect(state.press("l") == [.pollLeaderboard(node: 0, key: K.bytes("board"), order: .descending, limit: state.height - 10)])
        #expect(state.pane == .leaderboard)
        #expect(state.leaderboard.active?.key == K.bytes("board"))
    }

    @Test("l on another type or on a folder is refused with a reason and no request", arguments: [1, 2])
    func watchRefused(row: Int) {
        var state = K.keysPane()
        for _ in 0..<row { state.press("j") }
        var context = state.paneContext
        #expect(KeysUpdate.watchSelected(&state.keys, &context) == [])
        #expect(context.requests.isEmpty)
        #expect(context.status?.kind == .warning)
        #expect(state.press("l") == [])
        #expect(state.pane == .keys)
        #expect(state.leaderboard.watched.isEmpty)
        let expected = row == 1 ? "config is a string, not a sorted set" : "select a sorted set key to watch"
        #expect(state.status?.text.description == expected)
    }

    @Test("a node that answers again rescans if its scan had failed, with the filter; otherwise not")
    func nodeRecoveryRescans() {
        var state = K.keysPane()
        let sample = NodeSample(time: 2, latency: 0.001, info: StateFactory.info(hits: 1, misses: 1, commands: 2))
        // Down and back while the index is fine: nothing to redo.
        state.send(.sampled(node: 0, outcome: .failure(error: "connection refused", at: 1)))
        #expect(state.send(.sampled(node: 0, outcome: .sample(sample))) == [])
        state.press("/")
        state.type("user")
        state.press(.enter)
        state.send(.keyspaceUpdated(node: 0, update: K.update(phase: .failed("connection refused"))))
        state.send(.sampled(node: 0, outcome: .failure(error: "connection refused", at: 3)))
        let back = NodeSample(time: 4, latency: 0.001, info: StateFactory.info(hits: 2, misses: 1, commands: 3))
        #expect(state.send(.sampled(node: 0, outcome: .sample(back))) == [.startScan(node: 0, filter: state.keys.keyFilter)])
        #expect(state.keys.keyFilter.pattern == GlobPattern("*user*"))
        #expect(state.keys.progress.phase == .scanning)
    }

    @Test(":node 2 moves the keys pane to that node's keyspace")
    func nodeFocusRescans() {
        var state = AppState(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"])
        state.press("2")
        state.send(.keyspaceUpdated(node: 0, update: K.update()))
        #expect(state.command("node 2") == [.startScan(node: 1, filter: .all)])
        #expect(state.keys.node == 1)
        #expect(state.keys.listing.count == 0)
        #expect(state.command("node all") == [], "not a cluster: the pane stays on the node")
    }
}
