import Foundation
import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// A hash whose fields carry TTLs (pages read with `HPEXPIRETIME`): the TTL column, the field
/// selection, and `e` / `p` on a field through the mutation path; without field TTLs (an older
/// server) `e` and `p` act on the key as before.
@Suite struct FieldTTLMutationTests {
    typealias K = KeyspaceFactory

    static let now: Int64 = 1_000_000

    /// The keys pane with `user:1` open: three fields, `token` expiring in 5 minutes when `withTTLs`.
    static func opened(withTTLs: Bool = true, readOnly: Bool = false) -> AppState {
        var state = K.keysPane(readOnly: readOnly)
        state.wallMilliseconds = now
        for _ in 0..<3 { state.press("j") }
        state.press(.enter)
        state.press("j")
        #expect(state.press(.enter) == [.openKey(node: 0, key: K.bytes("user:1"), type: .hash)])
        state.send(.keyDetailLoaded(key: K.bytes("user:1"), result: .success(KeyDetail(key: K.bytes("user:1"), type: .hash, encoding: "listpackex", ttl: .persistent, length: 3))))
        var page = ValuePage(
            key: K.bytes("user:1"), type: .hash,
            content: .hash(["name", "token", "seen"].map { HashField(field: K.bytes($0), value: K.bytes("v-\($0)")) }), next: nil)
        if withTTLs { page.fieldTTLs = [.persistent, .expires(atMilliseconds: now + 300_000), .persistent] }
        state.send(.valuePageLoaded(key: K.bytes("user:1"), result: .success(page)))
        return state
    }

    @Test("the TTL column beside each field, the header's count, and j moving the selection")
    func ttlColumn() throws {
        var state = Self.opened()
        let screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("1 of 3 fields expire · the first in 5m"))
        #expect(screen.contains("5m       token = v-token"))
        #expect(screen.contains("-        name = v-name"))
        #expect(screen.contains("e/p field TTL"))
        #expect(state.keys.opened?.selectedField == 0)
        state.press("j")
        #expect(state.keys.opened?.selectedFieldEntry?.field.field == K.bytes("token"))
    }

    @Test("e on a field: a prompt for that field, then HEXPIRE through the mutation path")
    func expireField() {
        var state = Self.opened()
        state.press("j")
        state.press("e")
        guard case .mutation(.ttlPrompt(.field(let key, let field), _, _))? = state.overlay else {
            Issue.record("no field prompt: \(String(describing: state.overlay))")
            return
        }
        #expect(key == K.bytes("user:1") && field == K.bytes("token"))
        #expect(AppView.render(state).text.contains("Expire field token of user:1"))
        state.type("90")
        #expect(state.press(.enter) == [.mutate(node: 0, .expireField(key: K.bytes("user:1"), field: K.bytes("token"), seconds: 90))])
        #expect(state.overlay == nil)
    }

    @Test("p on a field with a TTL asks y first; on a field without one it says so and changes nothing")
    func persistField() {
        var state = Self.opened()
        #expect(state.press("p") == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text.description == "field name has no TTL")
        state.press("j")
        #expect(state.press("p") == [])
        #expect(state.overlay == .mutation(.confirmFieldPersist(key: K.bytes("user:1"), field: K.bytes("token"))))
        #expect(AppView.render(state).text.contains("Remove the TTL of field token of user:1"))
        #expect(state.press("n") == [])
        #expect(state.overlay == nil)
        state.press("p")
        #expect(state.press("y") == [.mutate(node: 0, .persistField(key: K.bytes("user:1"), field: K.bytes("token")))])
    }

    @Test("the server's answer updates the field's TTL and the status; an undo reads the hash again")
    func answers() {
        var state = Self.opened()
        let outcome = FieldChangeOutcome(
            key: K.bytes("user:1"), field: K.bytes("name"), command: "HEXPIRE", changed: true, ttl: .expires(atMilliseconds: Self.now + 60_000), readAt: Self.now)
        state.send(.mutationFinished(.fieldChanged(outcome)))
        #expect(state.status?.text.description == "field name of user:1 now expires in 1m · u to undo")
        #expect(state.keys.opened?.fields.first?.ttl == .expires(atMilliseconds: Self.now + 60_000))
        #expect(AppView.render(state).text.contains("2 of 3 fields expire · the first in 1m"))
        let effects = state.send(.mutationFinished(.undone(UndoOutcome(restored: [K.bytes("user:1")], existsAgain: [], expired: [], failed: []))))
        #expect(effects.contains(.openKey(node: 0, key: K.bytes("user:1"), type: .hash)))
        #expect(state.keys.opened?.pages.isEmpty == true)
    }

    @Test("without field TTLs (Redis 7.0, Valkey 8) e and p act on the key, as before")
    func olderServer() {
        var state = Self.opened(withTTLs: false)
        #expect(!AppView.render(state).text.contains("TTL column") && !AppView.render(state).text.contains("e/p field TTL"))
        state.press("j")
        state.press("e")
        #expect(state.overlay == .mutation(.ttlPrompt(target: .key(K.bytes("user:1")), input: InputLineState(), error: nil)))
        state.press(.escape)
        #expect(state.press("p") == [.mutate(node: 0, .persist(key: K.bytes("user:1")))])
    }

    @Test("read-only: e and p on a field do nothing", arguments: ["e", "p"] as [Character])
    func readOnly(key: Character) {
        var state = Self.opened(readOnly: true)
        state.press("j")
        #expect(state.press(key) == [])
        #expect(state.overlay == nil)
    }
}
