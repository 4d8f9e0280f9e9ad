import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// The server pane's update: which node it polls, what a refresh (or its failure) keeps, and the
/// selection and sort of each section.
@Suite struct ServerUpdateTests {
    /// Two nodes, the server pane on the first with a snapshot read.
    static func loaded() -> AppState {
        var state = AppState(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"], now: 5)
        state.press("5")
        state.send(.serverSnapshotLoaded(node: 0, result: .success(ServerViewTests.snapshot())))
        return state
    }

    @Test("a refresh is stamped with the time it arrived; a failure keeps the last snapshot and says why")
    func refreshAndFailure() {
        var state = Self.loaded()
        #expect(state.server.updatedAt == 5)
        state.send(.serverSnapshotLoaded(node: 0, result: .failure(LoadError("NOPERM CLIENT LIST"))))
        #expect(state.server.error == "NOPERM CLIENT LIST")
        #expect(state.server.snapshot == ServerViewTests.snapshot())
        state.send(.serverSnapshotLoaded(node: 0, result: .success(ServerViewTests.snapshot())))
        #expect(state.server.error == nil)
    }

    @Test("a refresh of a node the pane no longer shows is dropped")
    func foreignRefreshIgnored() {
        var state = Self.loaded()
        state.send(.serverSnapshotLoaded(node: 1, result: .failure(LoadError("down"))))
        #expect(state.server.error == nil)
    }

    @Test(":node 2 polls that node instead and forgets the other's snapshot")
    func nodeFocus() {
        var state = Self.loaded()
        #expect(state.command("node 2") == [.pollServer(node: 1)])
        #expect(state.server.node == 1)
        #expect(state.server.snapshot == nil)
        #expect(state.server.updatedAt == nil)
    }

    @Test("each section keeps its own selection; j, k, G, g move within the focused one")
    func selectionPerSection() {
        var state = Self.loaded()
        state.press("j")
        #expect(state.server.table(.slowlog).selected == 1)
        state.press("j")
        #expect(state.server.table(.slowlog).selected == 1, "two entries: stays on the last")
        state.press(.right)
        state.press(.right)
        #expect(state.server.section == .clients)
        #expect(state.server.table(.clients).selected == 0)
        state.press("G")
        #expect(state.server.table(.clients).selected == 1)
        state.press("g")
        #expect(state.server.table(.clients).selected == 0)
        state.press(.left)
        state.press(.left)
        #expect(state.server.table(.slowlog).selected == 1)
    }

    @Test("a smaller refresh pulls the selection back inside the rows")
    func selectionClamped() {
        var state = Self.loaded()
        state.press("j")
        var smaller = ServerViewTests.snapshot()
        smaller.slowlog.removeLast()
        state.send(.serverSnapshotLoaded(node: 0, result: .success(smaller)))
        #expect(state.server.table(.slowlog).selected == 0)
    }

    @Test("s says which order it switched to, and comes back round to the default")
    func sortStatus() {
        var state = Self.loaded()
        state.press("s")
        #expect(state.status?.text == "slow log sorted by duration")
        #expect(state.server.table(.slowlog).selected == 0)
        state.press("s")
        #expect(state.status?.text == "slow log sorted by newest")
        #expect(state.server.sortIndex(.slowlog) == 0)
        state.press(.escape)
        #expect(state.status == nil)
    }
}
