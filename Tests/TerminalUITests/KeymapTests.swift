import TerminalUI
import Testing

@Suite("Keymap")
struct KeymapTests {
    // Actions and areas are the app's types; strings stand in for them here.
    private let keymap = Keymap<String, String>([
        KeyBinding([.character("q"), .control("c")], action: "quit", description: "quit"),
        KeyBinding(.character("?"), action: "help", description: "help"),
        KeyBinding([.character("j"), .down], scope: .area("Keys"), action: "down", description: "move down", showInHints: false),
        KeyBinding(.character("d"), scope: .area("Keys"), action: "keys.delete", description: "delete key", isDangerous: true),
        KeyBinding(.character("e"), scope: .area("Keys"), action: "keys.expire", description: "set TTL", isDangerous: true),
        KeyBinding(.enter, scope: .area("Keys"), action: "keys.open", description: "open value"),
        KeyBinding(.character("d"), scope: .area("Pub/Sub"), action: "pubsub.detach", description: "detach"),
        KeyBinding(.character(" "), scope: .area("Pub/Sub"), action: "pubsub.pause", description: "pause"),
    ])

    @Test func lookupPrefersThePaneThenGlobal() {
        #expect(keymap.lookup(.character("d"), scope: .area("Keys")) == "keys.delete")
        #expect(keymap.lookup(.character("d"), scope: .area("Pub/Sub")) == "pubsub.detach")
        #expect(keymap.lookup(.control("c"), scope: .area("Keys")) == "quit")
        #expect(keymap.lookup(.character("d"), scope: .global) == nil)
        #expect(keymap.lookup(.character("x"), scope: .area("Keys")) == nil)
    }

    @Test func readOnlyDropsDangerousBindings() {
        let ro = keymap.filtered(readOnly: true)
        #expect(ro.lookup(.character("d"), scope: .area("Keys")) == nil)
        #expect(ro.lookup(.character("e"), scope: .area("Keys")) == nil)
        #expect(ro.lookup(.enter, scope: .area("Keys")) == "keys.open")
        #expect(!ro.helpSections(for: .area("Keys")).flatMap(\.entries).contains { $0.description == "delete key" })
        #expect(keymap.filtered(readOnly: false) == keymap)
    }

    @Test func hintsAndHelpAreGenerated() {
        #expect(keymap.hints(for: .area("Keys")).map(\.keys) == ["d", "e", "Enter", "q/Ctrl-C", "?"])
        let sections = keymap.helpSections(for: .area("Keys"))
        #expect(sections.map(\.title) == ["Keys", "Global"])
        #expect(sections[0].entries.first == KeyHint(keys: "j/↓", description: "move down"))
        #expect(keymap.hints(for: .area("Pub/Sub")).first?.keys == "d")
    }

    @Test func leadingHintsComeFirstInTheirOrder() {
        let hints = keymap.hints(for: .area("Keys"), first: ["keys.open", "help", "down", "pubsub.pause"])
        // Pub/Sub's pause is not a Keys binding: skipped; `down` leads although kept out of hints.
        #expect(hints.map(\.keys) == ["Enter", "?", "j/↓", "d", "e", "q/Ctrl-C"])
        #expect(keymap.filtered(readOnly: true).hints(for: .area("Keys"), first: ["keys.delete", "help"]).map(\.keys) == ["?", "Enter", "q/Ctrl-C"])
    }

    @Test func parsesKeyNames() throws {
        #expect(try Key(parsing: "q") == .character("q"))
        #expect(try Key(parsing: "G") == .character("G"))
        #expect(try Key(parsing: "Ctrl-C") == .control("c"))
        #expect(try Key(parsing: "ctrl-w") == .control("w"))
        #expect(try Key(parsing: "^U") == .control("u"))
        #expect(try Key(parsing: "Shift-Tab") == .backTab)
        #expect(try Key(parsing: "PgDn") == .pageDown)
        #expect(try Key(parsing: "pageup") == .pageUp)
        #expect(try Key(parsing: "Space") == .character(" "))
        #expect(try Key(parsing: "F5") == .function(5))
        #expect(try Key(parsing: "Esc") == .escape)
        #expect(try Key(parsing: "Enter") == .enter)
        #expect(try Key(parsing: "Up") == .up)
    }

    @Test func unknownKeyNamesAreClearErrors() {
        for bad in ["Hyper-X", "F13", "Ctrl-", "Ctrl-ab", "", "Foo"] {
            #expect(throws: KeyParseError.self) { try Key(parsing: bad) }
        }
        let message = (try? Key(parsing: "Meta-Q")).map { _ in "" } ?? KeyParseError(name: "Meta-Q").description
        #expect(message.contains("\"Meta-Q\"") && message.contains("Ctrl-C"))
    }

    @Test func rebindingReplacesKeys() throws {
        var map = keymap
        let rebound = map.rebind(action: "keys.delete", to: [try Key(parsing: "x")])
        #expect(rebound)
        #expect(map.lookup(.character("x"), scope: .area("Keys")) == "keys.delete")
        #expect(map.lookup(.character("d"), scope: .area("Keys")) == nil)
        let missing = map.rebind(action: "nope", to: [.character("z")])
        #expect(!missing)
        let byName = try map.rebind(action: "quit", toKeyNames: ["Ctrl-Q"])
        #expect(byName && map.lookup(.control("q"), scope: .global) == "quit")
        #expect(throws: KeyParseError.self) { try map.rebind(action: "help", toKeyNames: ["F1", "Hyper-H"]) }
        #expect(map.lookup(.character("?"), scope: .global) == "help")  // unchanged after the error
    }
}
