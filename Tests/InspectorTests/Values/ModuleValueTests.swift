import NIOCore
import RESP
import Testing

@testable import Inspector

/// How a `JSON.GET` reply becomes a module value's preview (no server here has the JSON module:
/// ValueSummaryTests covers the refusal against real servers).
@Suite("Module values")
struct ModuleValueTests {
    @Test("JSON.GET's reply: the first 4 KiB, cut and marked; an error becomes the note")
    func preview() {
        var small = ModuleValue(typeName: ModuleValue.jsonTypeName, memory: 100)
        small.apply(.bulkString(ByteBuffer(string: "{\"a\":1}")))
        #expect(small.preview == Array("{\"a\":1}".utf8) && !small.previewTruncated)
        var large = ModuleValue(typeName: ModuleValue.jsonTypeName, memory: 60_000)
        large.apply(.bulkString(ByteBuffer(string: String(repeating: "1", count: 10_000))))
        #expect(large.preview?.count == ModuleValue.previewBytes && large.previewTruncated)
        var refused = ModuleValue(typeName: ModuleValue.jsonTypeName, memory: 100)
        refused.apply(.error(ByteBuffer(string: "NOPERM no")))
        #expect(refused.preview == nil && refused.previewNote == "NOPERM no")
    }
}
