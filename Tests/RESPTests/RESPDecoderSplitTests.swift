import NIOCore
import Testing

@testable import RESP

@Suite("RESP decoder: any split of the stream")
struct RESPDecoderSplitTests {
    @Test("every single split point of a multi-value stream decodes the same values", arguments: [false, true])
    func everySplitPoint(all: Bool) throws {
        let values = RESPTestSupport.everyType
        let bytes = RESPTestSupport.encode(values)
        for split in 0...bytes.count {
            let decoded = try RESPTestSupport.decode(bytes, splits: [split], all: all)
            #expect(decoded == values, "split at \(split)")
        }
    }

    @Test("every pair of split points on a nested stream decodes the same values", arguments: [false, true])
    func everyPairOfSplits(all: Bool) throws {
        let values: [RESPValue] = [
            .array([RESPTestSupport.bulk("k1"), .map([RESPPair(key: .integer(1), value: .set([RESPTestSupport.bulk("x")]))])]),
            RESPTestSupport.simple("OK"), .push([RESPTestSupport.bulk("invalidate")]),
        ]
        let bytes = RESPTestSupport.encode(values)
        for first in 0...bytes.count {
            for second in first...bytes.count {
                #expect(try RESPTestSupport.decode(bytes, splits: [first, second], all: all) == values)
            }
        }
    }

    @Test("one byte at a time", arguments: [false, true])
    func byteByByte(all: Bool) throws {
        let values = RESPTestSupport.everyType
        let bytes = RESPTestSupport.encode(values)
        #expect(try RESPTestSupport.decode(bytes, splits: Array(1..<bytes.count), all: all) == values)
    }

    @Test("an incomplete value consumes only complete parts and waits")
    func incomplete() throws {
        var decoder = RESPDecoder()
        var buffer = ByteBuffer(string: "*2\r\n$3\r\nfoo\r\n$3\r\nba")
        #expect(try decoder.decode(&buffer) == nil)
        #expect(decoder.isMidValue)
        buffer.writeString("r\r\n")
        #expect(try decoder.decode(&buffer) == .array([RESPTestSupport.bulk("foo"), RESPTestSupport.bulk("bar")]))
        #expect(buffer.readableBytes == 0)
    }
}
