import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// `K` in the server pane, asserted on the effects: a dry run first, the node's address typed,
/// then a kill by id; the filter, groups, read-only mode and cancelling.
@Suite struct ClientKillUpdateTests {
    static func client(_ id: Int64, _ name: String, user: String = "default", idle: Int64 = 0, omem: Int64 = 0) -> ClientInfo {
        var client = ClientInfo(id: id, address: "10.0.0.9:500\(id)", name: Array(name.utf8), idleSeconds: idle, lastCommand: "get")
        client.user = user
        client.outputMemory = omem
        return client
    }

    static let clients = [client(1, "worker", omem: 60 << 20), client(2, "worker"), client(3, "web", user: "app", idle: 7200)]

    /// The server pane, its clients section focused, a snapshot of ``clients`` loaded.
    static func pane(readOnly: Bool = false) -> AppState {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2)
        state.readOnly = readOnly
        state.keymap = try! DefaultKeymap.make(readOnly: readOnly)
        _ = state.press("5")
        _ = state.send(.serverSnapshotLoaded(node: 0, result: .success(ServerSnapshot(clients: clients))))
        while state.server.section != .clients { _ = state.press(.right) }
        return state
    }

    static func plan(_ ids: [Int64], selector: ClientSelector) -> ClientKillPlan {
        ClientKillPlan(node: "127.0.0.1:7001", selector: selector, clients: clients.filter { ids.contains($0.id) }, ownSkipped: 0)
    }

    @Test func killingTheSelectedClientAsksForADryRunByItsId() {
        var state = Self.pane()
        // Clients sort by idle first: the idle web client leads.
        let effects = state.press("K")
        #expect(effects == [.mutate(node: 0, .planClientKill(.ids([3])))])
        guard case .clientKill(.working)? = state.overlay else {
            Issue.record("no working dialog: \(String(describing: state.overlay))")
            return
        }
    }

    @Test func theTypedAddressConfirmsAndAnythingElseKillsNothing() {
        var state = Self.pane()
        _ = state.press("K")
        let plan = Self.plan([3], selector: .ids([3]))
        _ = state.send(.mutationFinished(.clientKillPlanned(plan)))
        guard case .clientKill(.confirm(let shown, _))? = state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(shown == plan)
        #expect(AppView.render(state).text.contains("CLIENT KILL ID, cannot be undone"))
        // A wrong word keeps the dialog and sends nothing.
        var effects = state.type("127.0.0.1")
        effects += state.press(.enter)
        #expect(!AppState.mutates(effects))
        #expect(state.status?.text.contains("type 127.0.0.1:7001 exactly") == true)
        // The exact address kills by id.
        for _ in 0..<9 { _ = state.press(.backspace) }
        _ = state.type("127.0.0.1:7001")
        effects = state.press(.enter)
        #expect(effects == [.mutate(node: 0, .killClients(plan))])
        _ = state.send(.mutationFinished(.clientsKilled(ClientKillOutcome(killed: [3]))))
        #expect(state.overlay == nil)
        #expect(state.status?.text == "killed 1 client (3) · cannot be undone")
    }

    @Test func escapeCancelsAndAnEmptyPlanSaysSo() {
        var state = Self.pane()
        _ = state.press("K")
        _ = state.send(.mutationFinished(.clientKillPlanned(Self.plan([3], selector: .ids([3])))))
        #expect(!AppState.mutates(state.press(.escape)))
        #expect(state.overlay == nil)
        #expect(state.status?.text == "nothing killed")
        _ = state.press("K")
        _ = state.send(.mutationFinished(.clientKillPlanned(ClientKillPlan(node: "127.0.0.1:7001", selector: .ids([3]), clients: [], ownSkipped: 2))))
        #expect(state.overlay == nil)
        #expect(state.status?.text.contains("2 of cachescope's own connections") == true)
    }

    @Test func aFilterSelectsEveryClientItMatchesAndAGroupItsMembers() throws {
        var state = Self.pane()
        _ = state.press("/")
        _ = state.type("name=worker")
        _ = state.press(.enter)
        #expect(state.server.clientFilter?.text == "name=worker")
        #expect(ServerRows.clients(state.server).map(\.id).sorted() == [1, 2])
        #expect(state.press("K") == [.mutate(node: 0, .planClientKill(.filter(try ClientFilter("name=worker"))))])
        _ = state.press(.escape)
        _ = state.press(.escape)  // clears the filter
        #expect(state.server.clientFilter == nil)
        _ = state.press("v")
        #expect(state.server.showsClientGroups)
        // Groups: the worker pair holds the biggest output buffer, so it comes first.
        let groups = ServerRows.clientGroups(state.server)
        #expect(groups.first?.ids == [1, 2])
        #expect(groups.first?.flags.contains(.outputBuffer) == true)
        #expect(state.press("K") == [.mutate(node: 0, .planClientKill(.group(groups[0].identity)))])
        #expect(AppView.render(state).text.contains("worker"))
    }

    @Test func aFilterThatMeansNothingSaysWhyAndKeepsTheLine() {
        var state = Self.pane()
        _ = state.press("/")
        _ = state.type("idle>abc")
        _ = state.press(.enter)
        #expect(state.server.clientFilterInput != nil)
        #expect(state.status?.kind == .error)
    }

    @Test func readOnlyHasNoKillBinding() {
        var state = Self.pane(readOnly: true)
        #expect(!AppState.mutates(state.press("K")))
        #expect(state.overlay == nil)
    }
}
