import NIOCore
import Testing

@testable import RESP

@Suite("RESP round trips")
struct RESPRoundTripTests {
    @Test("every RESP3 type survives encode then decode", arguments: RESPTestSupport.everyType)
    func roundTrip(_ value: RESPValue) throws {
        let decoded = try RESPTestSupport.decode(RESPTestSupport.encode([value]))
        #expect(decoded == [value])
    }

    @Test("NaN round trips as a NaN double")
    func nan() throws {
        let decoded = try RESPTestSupport.decode(Array(",nan\r\n".utf8))
        guard case .double(let value) = try #require(decoded.first) else {
            Issue.record("not a double")
            return
        }
        #expect(value.isNaN)
    }

    @Test("RESP2 forms decode to the RESP2 values")
    func resp2Forms() throws {
        let bytes = Array("$-1\r\n*-1\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n".utf8)
        let decoded = try RESPTestSupport.decode(bytes)
        #expect(decoded.count == 3)
        #expect(decoded[0].isNull && decoded[1].isNull)
        let pairs = try #require(decoded[2].pairs)
        #expect(pairs.map { $0.key.string } == ["a", "b"])
        #expect(pairs.map { $0.value.int } == [1, 2])
    }

    @Test("RESP2 encoding flattens maps and writes null as $-1")
    func resp2Encoding() {
        let bytes = RESPTestSupport.encode([.null, .map([RESPPair(key: RESPTestSupport.bulk("k"), value: .integer(1))])], protocolVersion: 2)
        #expect(String(decoding: bytes, as: UTF8.self) == "$-1\r\n*2\r\n$1\r\nk\r\n:1\r\n")
    }

    @Test("a command encodes as an array of bulk strings, binary-safe")
    func command() {
        var buffer = ByteBuffer()
        RESPEncoder.encodeCommand([Array("SET".utf8), [0, 13, 10], Array(repeating: 120, count: 123)], into: &buffer)
        let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
        #expect(text.hasPrefix("*3\r\n$3\r\nSET\r\n$3\r\n\0\r\n\r\n$123\r\nxxx"))
        #expect(text.hasSuffix("x\r\n"))
    }

    @Test("attributes are stripped and the annotated value returned")
    func attributes() throws {
        let bytes = Array("|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n*2\r\n:1\r\n|1\r\n+ttl\r\n:5\r\n:2\r\n".utf8)
        let decoded = try RESPTestSupport.decode(bytes)
        #expect(decoded == [.array([.integer(1), .integer(2)])])
        #expect(try RESPTestSupport.decode(Array("*1\r\n|0\r\n:7\r\n".utf8)) == [.array([.integer(7)])])
    }

    @Test("accessors read strings, numbers, arrays and errors")
    func accessors() {
        #expect(RESPTestSupport.bulk("42").int == 42)
        #expect(RESPTestSupport.bulk("1.5").double == 1.5)
        #expect(RESPValue.bulkString(ByteBuffer(bytes: [0xff, 0xfe])).string == nil)
        #expect(RESPValue.bulkString(ByteBuffer(bytes: [0xff, 0xfe])).bytes == [0xff, 0xfe])
        #expect(RESPValue.set([.integer(1)]).array == [.integer(1)])
        #expect(RESPValue.array([.integer(1)]).pairs == nil)
        #expect(RESPTestSupport.error("NOPERM no").errorMessage == "NOPERM no")
        #expect(RESPValue.verbatimString(format: "txt", text: ByteBuffer(string: "hi")).string == "hi")
        let map = RESPValue.map([RESPPair(key: RESPTestSupport.bulk("proto"), value: .integer(3))])
        #expect(map["proto"] == .integer(3))
    }
}
