import NIOCore

extension RESPValue {
    /// The raw bytes of a simple, bulk or verbatim string, or of a big number; `nil` otherwise.
    public var bytes: [UInt8]? {
        switch self {
        case .simpleString(let buffer), .bulkString(let buffer), .bigNumber(let buffer):
            return Array(buffer.readableBytesView)
        case .verbatimString(_, let text):
            return Array(text.readableBytesView)
        default:
            return nil
        }
    }

    /// The text of a string value when it is valid UTF-8; `nil` for any other value or invalid UTF-8.
    ///
    /// Never lossy: bytes that are not UTF-8 give `nil`, not replacement characters.
    public var string: String? {
        switch self {
        case .simpleString(let buffer), .bulkString(let buffer), .bigNumber(let buffer):
            return Self.strictUTF8(buffer)
        case .verbatimString(_, let text):
            return Self.strictUTF8(text)
        default:
            return nil
        }
    }

    /// An integer, or a simple/bulk string holding a decimal integer (RESP2 replies such as `TTL` in scripts).
    public var int: Int64? {
        switch self {
        case .integer(let value):
            return value
        case .simpleString(let buffer), .bulkString(let buffer), .bigNumber(let buffer):
            guard buffer.readableBytes > 0, buffer.readableBytes <= 20 else { return nil }
            return buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes).flatMap { Int64($0) }
        default:
            return nil
        }
    }

    /// A double, an integer, or a string holding a number (RESP2 `ZSCORE` replies are bulk strings).
    public var double: Double? {
        switch self {
        case .double(let value):
            return value
        case .integer(let value):
            return Double(value)
        case .simpleString(let buffer), .bulkString(let buffer), .bigNumber(let buffer):
            guard buffer.readableBytes > 0, buffer.readableBytes <= 64 else { return nil }
            return buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes).flatMap { Double($0) }
        default:
            return nil
        }
    }

    /// The elements of an array, set or push message. A RESP2 map-as-flat-array stays an array.
    public var array: [RESPValue]? {
        switch self {
        case .array(let values), .set(let values), .push(let values):
            return values
        default:
            return nil
        }
    }

    /// The entries of a map, or of a flat even-length array read as key/value pairs (the RESP2 form
    /// of `HGETALL`, `CONFIG GET`, `HELLO`…).
    public var pairs: [RESPPair]? {
        switch self {
        case .map(let pairs):
            return pairs
        case .array(let values) where values.count % 2 == 0:
            var pairs: [RESPPair] = []
            pairs.reserveCapacity(values.count / 2)
            var index = values.startIndex
            while index < values.endIndex {
                pairs.append(RESPPair(key: values[index], value: values[index + 1]))
                index += 2
            }
            return pairs
        default:
            return nil
        }
    }

    /// `true` for RESP3 null and the RESP2 null bulk string / null array.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The message of an error reply (e.g. `WRONGPASS invalid username-password pair`), decoded
    /// leniently since it is only ever shown; `nil` for non-errors.
    public var errorMessage: String? {
        guard case .error(let buffer) = self else { return nil }
        return String(decoding: buffer.readableBytesView, as: UTF8.self)
    }

    /// The value of `key` in a map (or flat RESP2 array of pairs) whose keys are strings.
    public subscript(key: String) -> RESPValue? {
        pairs?.first(where: { $0.key.string == key })?.value
    }

    private static func strictUTF8(_ buffer: ByteBuffer) -> String? {
        buffer.withUnsafeReadableBytes { raw in
            String(validating: raw, as: UTF8.self)
        }
    }
}
