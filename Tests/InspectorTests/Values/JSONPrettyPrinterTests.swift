import Testing
@testable import Inspector

@Suite struct JSONPrettyPrinterTests {
    @Test func indentsObjectsAndArrays() {
        let out = JSONPrettyPrinter.format(#"{"id":42,"name":"Ada","tags":["a","b"],"empty":{},"none":[],"ok":true,"n":null}"#)
        #expect(out == """
        {
          "id": 42,
          "name": "Ada",
          "tags": [
            "a",
            "b"
          ],
          "empty": {},
          "none": [],
          "ok": true,
          "n": null
        }
        """)
    }

    @Test func keepsStringsExactly() {
        #expect(JSONPrettyPrinter.format(#"["a,b:{c}", "\"q\"", "é"]"#) == "[\n  \"a,b:{c}\",\n  \"\\\"q\\\"\",\n  \"é\"\n]")
    }

    @Test func rejectsInvalidJSON() {
        #expect(JSONPrettyPrinter.format("not json") == nil)
        #expect(JSONPrettyPrinter.format("{\"a\":1,}") == nil)
        #expect(JSONPrettyPrinter.format("{\"a\" 1}") == nil)
        #expect(JSONPrettyPrinter.format("[1] [2]") == nil)
        #expect(JSONPrettyPrinter.format("{\"a\":1") == nil, "truncated is invalid unless allowed")
        #expect(JSONPrettyPrinter.format(Array("{\"a\":[1,2".utf8), allowTruncated: true) != nil)
        #expect(JSONPrettyPrinter.format("") == nil)
        #expect(JSONPrettyPrinter.format("12.5e3") == "12.5e3")
    }

    @Test func classifiesValues() {
        #expect(ValueEncoding.classify(Array(#"{"a":1}"#.utf8), isComplete: true) == .json)
        #expect(ValueEncoding.classify(Array("hello".utf8), isComplete: true) == .text)
        #expect(ValueEncoding.classify([0xFF, 0x00, 0x1B], isComplete: true) == .binary)
        // A page that cuts "é" (0xC3 0xA9) in half is still text.
        #expect(ValueEncoding.classify(Array("caf".utf8) + [0xC3], isComplete: false) == .text)
        #expect(ValueEncoding.classify(Array("caf".utf8) + [0xC3], isComplete: true) == .binary)
    }

    @Test func hexDumpLines() {
        let lines = HexDump.lines(Array("Hello, world!\u{1b}[2J".utf8) + [0xFF])
        #expect(lines.count == 2)
        #expect(lines[0] == "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 1b 5b 32  |Hello, world!.[2|")
        #expect(lines[1].hasPrefix("00000010  4a ff "))
        #expect(lines[1].hasSuffix("|J.|"))
        #expect(lines[0].firstIndex(of: "|").map { lines[0].distance(from: lines[0].startIndex, to: $0) }
            == lines[1].firstIndex(of: "|").map { lines[1].distance(from: lines[1].startIndex, to: $0) })
    }
}
