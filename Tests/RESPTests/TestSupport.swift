import NIOCore

@testable import RESP

/// Shared helpers for the RESP tests.
enum RESPTestSupport {
    static func bulk(_ text: String) -> RESPValue { .bulkString(ByteBuffer(string: text)) }
    static func simple(_ text: String) -> RESPValue { .simpleString(ByteBuffer(string: text)) }
    static func error(_ text: String) -> RESPValue { .error(ByteBuffer(string: text)) }

    static func encode(_ values: [RESPValue], protocolVersion: Int = 3) -> [UInt8] {
        var buffer = ByteBuffer()
        for value in values { RESPEncoder.encode(value, into: &buffer, protocolVersion: protocolVersion) }
        return Array(buffer.readableBytesView)
    }

    /// Feeds `bytes` in the given chunk boundaries and collects every decoded value.
    /// Feeds `bytes` in pieces cut at `splits`, decoding with `decode(_:)` until it returns nil, or
    /// with `decodeAll(_:_:)` when `all` is set.
    static func decode(_ bytes: [UInt8], splits: [Int] = [], limits: RESPDecoder.Limits = .default, all: Bool = false) throws -> [RESPValue] {
        var decoder = RESPDecoder(limits: limits)
        var buffer = ByteBuffer()
        var values: [RESPValue] = []
        var start = 0
        for end in splits + [bytes.count] where end >= start {
            buffer.writeBytes(bytes[start..<end])
            start = end
            if all {
                try decoder.decodeAll(&buffer) { values.append($0) }
            } else {
                while let value = try decoder.decode(&buffer) { values.append(value) }
            }
        }
        return values
    }

    /// One of every kind of value, nested.
    static let everyType: [RESPValue] = [
        simple("OK"),
        error("ERR something went wrong"),
        .integer(0), .integer(-42), .integer(.max), .integer(.min),
        bulk(""), bulk("hello"), .bulkString(ByteBuffer(bytes: [0, 13, 10, 255, 0x1b])),
        .null,
        .double(3.25), .double(-0.5), .double(.infinity), .double(-.infinity),
        .boolean(true), .boolean(false),
        .bigNumber(ByteBuffer(string: "3492890328409238509324850943850943825024385")),
        .bigNumber(ByteBuffer(string: "-12")),
        .verbatimString(format: "txt", text: ByteBuffer(string: "Some string")),
        .array([]), .array([bulk("a"), .integer(1), .null, .array([bulk("nested")])]),
        .map([RESPPair(key: simple("server"), value: bulk("redis")), RESPPair(key: bulk("proto"), value: .integer(3))]),
        .map([]),
        .set([bulk("x"), bulk("y")]),
        .push([bulk("message"), bulk("cache-invalidation"), bulk("user:42")]),
        .array([.map([RESPPair(key: .integer(1), value: .set([.boolean(true)]))])]),
    ]
}
