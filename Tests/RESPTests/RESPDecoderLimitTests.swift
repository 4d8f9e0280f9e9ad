import NIOCore
import Testing

@testable import RESP

@Suite("RESP decoder: limits and malformed input")
struct RESPDecoderLimitTests {
    private func decodeError(_ text: String, limits: RESPDecoder.Limits = .default) -> RESPProtocolError? {
        var decoder = RESPDecoder(limits: limits)
        var buffer = ByteBuffer(string: text)
        do {
            while try decoder.decode(&buffer) != nil {}
            return nil
        } catch {
            return error
        }
    }

    @Test("nesting deeper than the limit is an error, not a stack overflow")
    func depth() throws {
        let deep = String(repeating: "*1\r\n", count: 100_000) + ":1\r\n"
        let error = try #require(decodeError(deep))
        #expect(error.message.contains("nesting"))
        let shallow = String(repeating: "*1\r\n", count: 10) + ":1\r\n"
        #expect(decodeError(shallow, limits: .init(maxDepth: 10)) == nil)
        #expect(decodeError(shallow, limits: .init(maxDepth: 9)) != nil)
    }

    @Test("a declared bulk length beyond the limit is rejected before any bytes arrive")
    func bulkLength() throws {
        let error = try #require(decodeError("$600000000\r\n"))
        #expect(error.message.contains("exceeds the limit"))
        #expect(decodeError("$9223372036854775807\r\n") != nil)
        #expect(decodeError("$99999999999999999999\r\n")?.message.contains("out of range") == true)
    }

    @Test("the default bulk bound is 128 MiB: one byte more is a protocol error on the header alone")
    func defaultBulkBound() throws {
        let limit = RESPDecoder.Limits.default.maxBulkLength
        #expect(limit == 128 << 20)

        // At the bound: only the header has arrived, so the decoder waits and holds nothing.
        var decoder = RESPDecoder()
        var atLimit = ByteBuffer(string: "$\(limit)\r\n")
        #expect(try decoder.decode(&atLimit) == nil)
        #expect(atLimit.readerIndex == 0)
        #expect(!decoder.isMidValue)

        // Over the bound (and Redis' own 512 MiB and a 2 GB header): refused from the header line,
        // with no payload bytes sent, at the top level and inside an aggregate.
        for header in ["$\(limit + 1)\r\n", "$536870912\r\n", "$2147483648\r\n", "*2\r\n:1\r\n!\(limit + 1)\r\n", "=\(limit + 1)\r\n"] {
            let error = try #require(decodeError(header), "\(header.debugDescription) was accepted")
            #expect(error.message == "bulk string length \(Int(header.split(separator: "\r\n").last!.dropFirst())!) exceeds the limit of \(limit) bytes")
        }
        // A caller may still ask for Redis' own bound.
        #expect(decodeError("$536870912\r\n", limits: .init(maxBulkLength: 512 << 20)) == nil)
    }

    @Test("a huge declared aggregate count waits without allocating, and over the limit fails")
    func aggregateCount() throws {
        var decoder = RESPDecoder()
        var buffer = ByteBuffer(string: "*16000000\r\n:1\r\n")
        #expect(try decoder.decode(&buffer) == nil)
        #expect(decodeError("*16777217\r\n") != nil)
        #expect(decodeError("%9000000\r\n")?.message.contains("aggregate count") == true)
        #expect(decodeError("%4611686018427387904\r\n") != nil)
    }

    @Test("a line without CRLF longer than the limit is an error")
    func lineLength() throws {
        let error = try #require(decodeError("+" + String(repeating: "a", count: 70_000)))
        #expect(error.message.contains("line longer"))
    }

    @Test(
        "malformed input gives clear errors",
        arguments: [
            ("@oops\r\n", "unexpected type byte"),
            (":12a\r\n", "not a decimal"),
            (":\r\n", "no digits"),
            ("$-2\r\n", "negative length"),
            ("$3\r\nabcd\r\n", "not followed by CRLF"),
            ("+OK\rX", "CR not followed by LF"),
            ("#x\r\n", "boolean"),
            (",abc\r\n", "invalid double"),
            ("*?\r\n", "streamed"),
            ("=3\r\nabc\r\n", "verbatim"),
            ("(12x\r\n", "big number"),
            ("_x\r\n", "null with a payload"),
        ])
    func malformed(_ input: String, _ expected: String) throws {
        let error = try #require(decodeError(input))
        #expect(error.message.contains(expected), "\(error.message)")
    }
}
