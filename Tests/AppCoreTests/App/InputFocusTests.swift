import TerminalUI
import Testing

@testable import AppCore

/// One place decides where a key goes: an overlay first, then a line being typed on the pane on
/// screen, then the Doctor, then the keymap.
@Suite struct InputFocusTests {
    @Test("with nothing open, keys go to the bindings on every pane")
    func bindingsByDefault() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        for pane in Pane.allCases {
            state.pane = pane
            #expect(state.inputFocus == .bindings)
        }
    }

    @Test("each pane's typing line has the focus only while that pane is on screen")
    func linesBelongToTheirPane() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.keys.filterInput = InputLineState()
        state.pubsub.filterInput = InputLineState()
        state.leaderboard.findInput = InputLineState()
        state.keys.doctor.isOpen = true
        let expected: [Pane: InputFocus] = [.overview: .bindings, .keys: .keysFilter, .leaderboard: .leaderboardFind, .pubsub: .pubsubFilter, .server: .bindings]
        for (pane, focus) in expected {
            state.pane = pane
            #expect(state.inputFocus == focus, "\(pane)")
        }
        state.pane = .keys
        state.keys.filterInput = nil
        #expect(state.inputFocus == .doctor)
    }

    @Test("an overlay takes the keys before a line being typed; closing it gives them back")
    func overlayFirst() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("2")
        state.press("/")
        state.overlay = .help(scroll: 0)
        #expect(state.inputFocus == .overlay(.help(scroll: 0)))
        state.press("x")
        #expect(state.keys.filterInput?.text == "")
        state.press(.escape)
        #expect(state.inputFocus == .keysFilter)
        state.press("x")
        #expect(state.keys.filterInput?.text == "x")
    }

    @Test("the help scrolls with j, k and the page keys, never above its top")
    func helpScrolls() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("?")
        state.press("j")
        state.press(.down)
        #expect(state.overlay == .help(scroll: 2))
        state.press(.pageDown)
        #expect(state.overlay == .help(scroll: 12))
        state.press(.pageUp)
        state.press(.pageUp)
        #expect(state.overlay == .help(scroll: 0))
        state.press("k")
        #expect(state.overlay == .help(scroll: 0))
    }

    @Test("Esc, ?, q and Enter close the help without quitting", arguments: [.escape, .character("?"), .character("q"), .enter] as [Key])
    func helpCloses(key: Key) {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("?")
        #expect(state.press(key) == [])
        #expect(state.overlay == nil)
    }

    @Test("under the help, pane keys do nothing and Ctrl-C still quits")
    func helpSwallowsOtherKeys() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("?")
        #expect(state.press("2") == [])
        #expect(state.pane == .overview)
        #expect(state.press(.tab) == [])
        #expect(state.press(.control("c")) == [.quit])
    }

    @Test("a paste goes into the line that has the focus: the keys and Pub/Sub filters, the member search, the TTL prompt")
    func pasteFollowsFocus() {
        var keys = KeyspaceFactory.keysPane()
        keys.press("/")
        keys.send(.terminal(.paste("session:")))
        keys.press(.enter)
        #expect(keys.keys.filterText == "session:")
        var ttl = KeyspaceFactory.keysPane()
        ttl.press("j")
        ttl.press("e")
        ttl.send(.terminal(.paste("90")))
        #expect(ttl.press(.enter) == [.mutate(node: 0, .expire(key: KeyspaceFactory.bytes("config"), seconds: 90))])
        var pubsub = AppState(addresses: ["127.0.0.1:7001"])
        pubsub.command("sub news")
        pubsub.press("/")
        pubsub.send(.terminal(.paste("orders")))
        #expect(pubsub.pubsub.filterInput?.text == "orders")
        var board = AppState(addresses: ["127.0.0.1:7001"])
        board.command("zset board")
        board.press("/")
        board.send(.terminal(.paste("alice")))
        #expect(board.leaderboard.findInput?.text == "alice")
    }

    @Test("a paste into the typed confirmation of a bulk change, or with no line open, is dropped")
    func pasteDropped() {
        var state = PatternMutationTests.confirming()
        state.send(.terminal(.paste(MutationFactory.confirmationWord)))
        #expect(state.typedConfirmation?.typed == "")
        #expect(state.press(.enter) == [])
        var plain = KeyspaceFactory.keysPane()
        #expect(plain.send(.terminal(.paste("q"))) == [])
        #expect(plain.keys.filterText.isEmpty)
        #expect(plain.overlay == nil)
    }
}
