import NIOCore
import RESP
import Testing

@testable import Inspector

/// The lookup script's reply: one line of type, PTTL and memory per key.
@Suite struct KeyLookupScriptTests {
    @Test func scriptRepliesParse() {
        let reply = RESPValue.bulkString(ByteBuffer(string: "string -1 56\nhash 1500 72\nnone -2 0"))
        let parsed = KeyLookupScript.read(reply, expectedCount: 3, now: 1000)
        #expect(parsed?.map(\.type) == [.string, .hash, .gone])
        #expect(parsed?.map(\.ttl) == [.persistent, .expires(atMilliseconds: 2500), .unknown])
        #expect(parsed?.map(\.memory) == [56, 72, 0])
        #expect(KeyLookupScript.read(reply, expectedCount: 2, now: 0) == nil)
    }
}
