import Foundation
import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// The value view of the types beyond the five: a stream's summary above its entries, a vector
/// set's figures and members, a module type's name, memory and first bytes; server bytes escaped.
@Suite struct ValueSummaryViewTests {
    typealias K = KeyspaceFactory

    /// The keys pane with `board` open as `type`, its first page `content` and `summary` loaded.
    static func opened(_ content: ValuePage.Content, type: RedisKeyType, summary: ValueSummary?) -> AppState {
        var state = K.keysPane()
        state.press(.enter)
        let key = K.bytes("board")
        state.send(.keyDetailLoaded(key: key, result: .success(KeyDetail(key: key, type: type, ttl: .persistent, memory: 2048))))
        state.send(.valuePageLoaded(key: key, result: .success(ValuePage(key: key, type: type, content: content, next: nil))))
        if let summary { state.send(.valueSummaryLoaded(key: key, result: .success(summary))) }
        return state
    }

    static func screen(_ state: AppState) -> String {
        let text = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(text) }
        return text
    }

    @Test("a stream: length, first and last entries, each group's pending count, then the entries")
    func stream() {
        let entries = (1...2).map { StreamEntry(id: K.bytes("\($0)-0"), fields: [HashField(field: K.bytes("page"), value: K.bytes("p\($0)"))]) }
        let summary = StreamSummary(
            length: 40, lastGeneratedID: K.bytes("40-0"), firstEntry: entries[0], lastEntry: StreamEntry(id: K.bytes("40-0"), fields: []),
            groups: [StreamGroup(name: K.bytes("billing\u{1b}[2J"), consumers: 2, pending: 7, lastDeliveredID: K.bytes("9-0"), lag: 31)])
        let screen = Self.screen(Self.opened(.stream(entries), type: .stream, summary: .stream(summary)))
        #expect(screen.contains("entries   40 · last id 40-0"))
        #expect(screen.contains("first     1-0 page=p1"))
        #expect(screen.contains("billing\\x1b[2J · 2 consumers · pending 7 · lag 31 · last delivered 9-0"))
        #expect(screen.contains("2-0 page=p2"))
    }

    @Test("a vector set: VCARD, VDIM, VINFO and a page of members, never \"not shown\"")
    func vectorSet() {
        let summary = VectorSetSummary(
            cardinality: 300, dimension: 128, info: [.init(name: "quant-type", value: "int8")], members: [K.bytes("doc:1"), K.bytes("doc:2")])
        let screen = Self.screen(Self.opened(.unsupported("vectorset"), type: .other, summary: .vectorSet(summary)))
        #expect(screen.contains("type      vectorset"))
        #expect(screen.contains("elements  300 (VCARD)"))
        #expect(screen.contains("dimension 128 (VDIM)"))
        #expect(screen.contains("quant-type int8"))
        #expect(screen.contains("2 of 300 members"))
        #expect(screen.contains("doc:2"))
        #expect(!screen.contains("not shown"))
    }

    @Test("a module type: its name and memory, JSON.GET's first bytes indented, or why they were not read")
    func module() {
        let json = ModuleValue(typeName: "ReJSON-RL", memory: 2048, preview: K.bytes("{\"name\":\"x\u{1b}]0;pwn\u{07}\"}"))
        var screen = Self.screen(Self.opened(.unsupported("ReJSON-RL"), type: .other, summary: .module(json)))
        #expect(screen.contains("module    type ReJSON-RL · 2.00K"))
        // Not JSON (a raw control byte): shown as text, the bytes escaped.
        #expect(screen.contains("{\"name\":\"x\\x1b]0;pwn\\a\"}"))
        let pretty = ModuleValue(typeName: "ReJSON-RL", memory: 2048, preview: K.bytes("{\"name\":\"x\",\"n\":1}"))
        screen = Self.screen(Self.opened(.unsupported("ReJSON-RL"), type: .other, summary: .module(pretty)))
        #expect(screen.contains("  \"name\": \"x\","))
        let refused = ModuleValue(typeName: "graphdata", memory: 2048, previewNote: nil)
        screen = Self.screen(Self.opened(.unsupported("graphdata"), type: .other, summary: .module(refused)))
        #expect(screen.contains("cachescope cannot read values of this module type"))
        var failed = Self.opened(.unsupported("graphdata"), type: .other, summary: nil)
        failed.send(.valueSummaryLoaded(key: K.bytes("board"), result: .failure(LoadError("NOPERM"))))
        #expect(Self.screen(failed).contains("summary unavailable: NOPERM"))
    }
}
