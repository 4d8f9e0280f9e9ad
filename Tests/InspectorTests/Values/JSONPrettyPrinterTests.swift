import Testing

@testable import Inspector

@Suite struct JSONPrettyPrinterTests {
    @Test func indentsObjectsAndArrays() {
        let out = JSONPrettyPrinter.format(#"{"id":42,"name":"Ada","tags":["a","b"],"empty":{},"none":[],"ok":true,"n":null}"#)
        #expect(
            out == """
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
}
