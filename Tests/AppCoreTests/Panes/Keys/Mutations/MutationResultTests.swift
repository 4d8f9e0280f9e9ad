import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// Every answer of the mutation path: what the status line says, what the dialog does, and which
/// keys are read again.
@Suite struct MutationResultTests {
    typealias K = KeyspaceFactory
    typealias M = MutationFactory

    @Test("EXPIRE that changed the key: its new TTL, and the key is read again")
    func expired() {
        var state = K.keysPane()
        let effects = state.send(.mutationFinished(.changed(M.changed("config", "EXPIRE", changed: true, pttl: 300_000))))
        #expect(effects == [.refreshKeys(node: 0, keys: [K.bytes("config")])])
        #expect(state.status?.text.description == "config now expires in 5m")
        #expect(state.status?.kind == .success)
    }

    @Test(
        "PERSIST: no longer expires, had no TTL, or the key is gone",
        arguments: [
            (true, -1, "config no longer expires"), (false, -1, "config had no TTL"), (false, -2, "config does not exist any more"),
        ] as [(Bool, Int64, String)])
    func persisted(changed: Bool, pttl: Int64, text: String) {
        var state = K.keysPane()
        let effects = state.send(.mutationFinished(.changed(M.changed("config", "PERSIST", changed: changed, pttl: pttl))))
        #expect(effects == [.refreshKeys(node: 0, keys: [K.bytes("config")])])
        #expect(state.status?.text.description == text)
        #expect(state.status?.kind == (changed ? .success : .warning))
    }

    @Test("EXPIRE on a key that vanished meanwhile says so")
    func expireOnMissingKey() {
        var state = K.keysPane()
        state.send(.mutationFinished(.changed(M.changed("config", "EXPIRE", changed: false, pttl: -2))))
        #expect(state.status?.text.description == "config does not exist any more")
        #expect(state.status?.kind == .warning)
    }

    @Test("the open key's TTL follows the change")
    func openKeyTTLUpdated() {
        var state = K.keysPane()
        state.press("j")
        state.press(.enter)
        state.send(.keyDetailLoaded(key: K.bytes("config"), result: .success(KeyDetail(key: K.bytes("config"), type: .string, ttl: .persistent))))
        state.send(.mutationFinished(.changed(M.changed("config", "EXPIRE", changed: true, pttl: 90_000, ttl: .expires(atMilliseconds: 90_000)))))
        #expect(state.keys.opened?.detail?.ttl == .expires(atMilliseconds: 90_000))
    }

    @Test("a hostile key name reaches the status line escaped")
    func hostileNameEscaped() {
        var state = K.keysPane()
        state.send(.mutationFinished(.changed(M.changed("evil\u{1b}[2J", "PERSIST", changed: true, pttl: -1))))
        #expect(state.status?.text.description == "evil\\x1b[2J no longer expires")
    }

    @Test("a delete plan with nothing left to delete closes the dialog and rereads the missing keys")
    func emptyDeletePlan() {
        var state = K.keysPane()
        state.press("j")
        state.press("d")
        let effects = state.send(.mutationFinished(.deletePlanned(M.deletePlan([], missing: ["config"]))))
        #expect(effects == [.refreshKeys(node: 0, keys: [K.bytes("config")])])
        #expect(state.overlay == nil)
        #expect(state.status?.text.description == "nothing to delete: the key no longer exists")
    }

    @Test("deleted keys: how many, whether u undoes them, and they are read again")
    func deleted() {
        var state = K.keysPane()
        let one = state.send(.mutationFinished(.deleted(DeleteOutcome(deleted: 1, undoable: 1, notUndoable: []), keys: [K.bytes("config")])))
        #expect(one == [.refreshKeys(node: 0, keys: [K.bytes("config")])])
        #expect(state.status?.text.description == "deleted 1 key · u to undo")
        let keys = ["user:1", "user:2", "user:3"].map(K.bytes)
        state.send(.mutationFinished(.deleted(DeleteOutcome(deleted: 3, undoable: 2, notUndoable: [keys[2]]), keys: keys)))
        #expect(state.status?.text.description == "deleted 3 keys · 1 cannot be undone")
        #expect(state.status?.kind == .success)
    }

    @Test("deleting the open key closes its value")
    func deletingTheOpenKeyClosesIt() {
        var state = K.keysPane()
        state.press("j")
        state.press(.enter)
        state.send(.mutationFinished(.deleted(DeleteOutcome(deleted: 1, undoable: 1, notUndoable: []), keys: [K.bytes("board")])))
        #expect(state.keys.opened != nil)
        state.send(.mutationFinished(.deleted(DeleteOutcome(deleted: 1, undoable: 1, notUndoable: []), keys: [K.bytes("config")])))
        #expect(state.keys.opened == nil)
    }

    @Test("undo: what came back is read again; what could not is said")
    func undone() {
        var state = K.keysPane()
        let restored = UndoOutcome(restored: [K.bytes("config")], existsAgain: [], expired: [], failed: [])
        #expect(state.send(.mutationFinished(.undone(restored))) == [.refreshKeys(node: 0, keys: [K.bytes("config")])])
        #expect(state.status?.text.description == "restored 1")
        #expect(state.status?.kind == .success)
        let nothing = UndoOutcome(restored: [], existsAgain: [K.bytes("config")], expired: [], failed: [])
        #expect(state.send(.mutationFinished(.undone(nothing))) == [.refreshKeys(node: 0, keys: [])])
        #expect(state.status?.text.description == "restored 0; 1 exists again, not restored")
        #expect(state.status?.kind == .warning)
    }

    @Test("undo with nothing to undo says so and reads nothing")
    func nothingToUndo() {
        var state = K.keysPane()
        #expect(state.send(.mutationFinished(.undone(nil))) == [])
        #expect(state.status?.text.description == "nothing to undo")
    }

    @Test("a refusal or failure closes whatever dialog was up and shows the reason as an error")
    func failed() {
        var state = K.keysPane()
        state.press("j")
        state.press("e")
        #expect(state.send(.mutationFinished(.failed("read-only mode: EXPIRE refused"))) == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text.description == "read-only mode: EXPIRE refused")
        #expect(state.status?.kind == .error)
    }

    @Test("answers are applied on the keys pane's node even when another pane is on screen")
    func answerWhileAway() {
        var state = AppState(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"])
        state.command("node 2")
        state.press("2")
        state.send(.keyspaceUpdated(node: 1, update: K.update()))
        state.press("1")
        #expect(state.send(.mutationFinished(.changed(M.changed("config", "PERSIST", changed: true, pttl: -1)))) == [.refreshKeys(node: 1, keys: [K.bytes("config")])])
        #expect(state.status?.text.description == "config no longer expires")
    }
}
