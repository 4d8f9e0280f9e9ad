import TerminalUI
import Testing

@testable import AppCore

/// The overview is the node picker: Enter on a row narrows every pane to that node, Esc on the
/// overview shows all nodes again — the same as `:node N` and `:node all`.
@Suite("Node picker")
struct NodePickerTests {
    @Test("Enter on the second row focuses node 2; Esc shows all three again")
    func pickAndRelease() {
        var state = AppState(addresses: ["127.0.0.1:7000", "127.0.0.1:7001", "127.0.0.1:7002"])
        _ = AppUpdate.update(&state, .terminal(.key(.down)))
        _ = AppUpdate.update(&state, .terminal(.key(.enter)))
        #expect(state.focusedNode == 1)
        #expect(state.visibleNodeIndices == [1])
        #expect(state.status?.text.contains("127.0.0.1:7001") == true)
        // Enter again does nothing: one node is already all there is to pick.
        _ = AppUpdate.update(&state, .terminal(.key(.enter)))
        #expect(state.focusedNode == 1)
        _ = AppUpdate.update(&state, .terminal(.key(.escape)))
        #expect(state.focusedNode == nil)
        #expect(state.visibleNodeIndices == [0, 1, 2])
    }
}
