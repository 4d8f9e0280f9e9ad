import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// The clients section's sorts and the header's client figures.
@Suite struct ServerClientsViewTests {
    @Test func everySortOrdersClientsAndGroups() {
        var state = ClientKillUpdateTests.pane()
        let names = ServerSection.clients.sortNames
        #expect(names.contains("output buffer"))
        #expect(names.contains("memory"))
        for _ in 0..<4 { _ = state.press("s") }
        #expect(ServerSection.clients.sortNames[state.server.sortIndex(.clients)] == "output buffer")
        #expect(ServerRows.clients(state.server).first?.id == 1, "the 60 MB buffer first")
        #expect(AppView.render(state).text.contains("by output buffer"))
        _ = state.press("v")
        #expect(ServerRows.clientGroups(state.server).first?.ids == [1, 2])
        for _ in 0..<3 { _ = state.press("s") }
        #expect(ServerSection.clients.sortNames[state.server.sortIndex(.clients)] == "name")
        #expect(ServerRows.clientGroups(state.server).map(\.identity.name) == [Array("web".utf8), Array("worker".utf8)])
        #expect(ServerRows.clients(state.server).map(\.id) == [3, 1, 2])
        _ = state.press("s")
        #expect(ServerSection.clients.sortNames[state.server.sortIndex(.clients)] == "address")
        _ = state.press("s")
        #expect(ServerSection.clients.sortNames[state.server.sortIndex(.clients)] == "idle")
    }

    @Test func theHeaderSaysWhatClientsCostTheNode() {
        var state = ClientKillUpdateTests.pane()
        state.server.info = InfoSnapshot(
            parsing: "# Memory\r\nused_memory:104857600\r\nmem_clients_normal:62914560\r\nmem_clients_slaves:0\r\n# Stats\r\ntracking_total_keys:12\r\ntracking_total_items:30\r\n")
        _ = state.send(.serverSnapshotLoaded(node: 0, result: .success(ServerSnapshot(clients: ClientKillUpdateTests.clients))))
        let screen = AppView.render(state).text
        #expect(screen.contains("client buffers 60.0M of 100.0M"))
        #expect(screen.contains("tracking 12 keys, 30 items"))
    }
}
