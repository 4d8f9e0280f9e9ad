import TerminalUI
import Testing

@testable import AppCore

/// The app's keymap: keys come back as `AppAction` cases, scoped by `Pane`; `[keys]` names
/// become cases when the keymap is built, and read-only mode drops the dangerous bindings.
@Suite struct DefaultKeymapTests {
    @Test func scopesArePanes() throws {
        let keymap = try DefaultKeymap.make(readOnly: false)
        #expect(keymap.lookup(.character("/"), scope: .area(.keys)) == .filter)
        #expect(keymap.lookup(.character("/"), scope: .area(.leaderboard)) == .findMember)
        #expect(keymap.lookup(.character("/"), scope: .area(.pubsub)) == .filter)
        #expect(keymap.lookup(.character("/"), scope: .area(.overview)) == nil)
        #expect(keymap.lookup(.character("e"), scope: .area(.keys)) == .expire)
        #expect(keymap.lookup(.character("e"), scope: .area(.pubsub)) == .keyEvents)
        #expect(keymap.lookup(.character("s"), scope: .area(.server)) == .sortColumn)
        #expect(keymap.lookup(.enter, scope: .area(.overview)) == .open)
        #expect(keymap.lookup(.character("q"), scope: .area(.server)) == .quit)
    }

    @Test func helpSectionsAreTitledByPane() {
        var state = AppState(addresses: ["127.0.0.1:6379"])
        #expect(state.scope == .area(.overview))
        for pane in Pane.allCases {
            state.pane = pane
            #expect(state.keymap.helpSections(for: state.scope).map(\.title) == [pane.title, "Global"])
        }
        #expect(state.keymap.helpSections(for: .area(.pubsub)).first?.title == "Pub/Sub")
    }

    @Test func aReboundKeyTriggersItsAction() throws {
        let keymap = try DefaultKeymap.make(readOnly: false, overrides: ["delete": "x", "paneServer": "Ctrl-S, F5"])
        #expect(keymap.lookup(.character("x"), scope: .area(.keys)) == .delete)
        #expect(keymap.lookup(.character("d"), scope: .area(.keys)) == nil)
        #expect(keymap.lookup(.function(5), scope: .area(.overview)) == .paneServer)

        var state = AppState(addresses: ["127.0.0.1:6379"], keymap: keymap)
        _ = AppUpdate.update(&state, .terminal(.key(.control("s"))))
        #expect(state.pane == .server)
        _ = AppUpdate.update(&state, .terminal(.key(.character("1"))))
        _ = AppUpdate.update(&state, .terminal(.key(.character("5"))))
        #expect(state.pane == .overview)  // 5 no longer means anything
    }

    @Test func readOnlyDropsDangerousBindings() throws {
        let keymap = try DefaultKeymap.make(readOnly: true)
        for key in ["e", "p", "d", "D", "E", "u"] {
            #expect(keymap.lookup(.character(Character(key)), scope: .area(.keys)) == nil, "\(key)")
        }
        #expect(keymap.lookup(.enter, scope: .area(.keys)) == .open)
        #expect(keymap.lookup(.character("l"), scope: .area(.keys)) == .watchSortedSet)
        #expect(keymap.lookup(.character("e"), scope: .area(.pubsub)) == .keyEvents)
        let help = keymap.helpSections(for: .area(.keys)).flatMap(\.entries)
        #expect(!help.contains { $0.isDangerous })
        #expect(!keymap.hints(for: .area(.keys)).contains { $0.description == "delete" })
        // A dangerous action rebound by config stays gone.
        let rebound = try DefaultKeymap.make(readOnly: true, overrides: ["delete": "x"])
        #expect(rebound.lookup(.character("x"), scope: .area(.keys)) == nil)
    }

    @Test func unknownNamesAreErrorsNamingTheEntry() {
        #expect(throws: KeyOverrideError.self) { try DefaultKeymap.make(readOnly: false, overrides: ["quitt": "Q"]) }
        do {
            _ = try DefaultKeymap.make(readOnly: false, overrides: ["help": "F1", "quit": "Hyper-Q"])
            Issue.record("expected an error")
        } catch {
            #expect(error.name == "quit")
            #expect(error.description.contains("\"Hyper-Q\""))
        }
    }
}
