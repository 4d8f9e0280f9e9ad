import NIOCore

/// Anything that can be one argument of a ``RedisCommand``: its bytes as Redis receives them.
public protocol RedisArgument: Sendable {
    /// The argument's bytes (UTF-8 for text, decimal for numbers).
    var redisBytes: [UInt8] { get }
}

extension String: RedisArgument {
    public var redisBytes: [UInt8] { Array(utf8) }
}

extension Substring: RedisArgument {
    public var redisBytes: [UInt8] { Array(utf8) }
}

extension Array: RedisArgument where Element == UInt8 {
    public var redisBytes: [UInt8] { self }
}

extension ArraySlice: RedisArgument where Element == UInt8 {
    public var redisBytes: [UInt8] { Array(self) }
}

extension ByteBuffer: RedisArgument {
    public var redisBytes: [UInt8] { Array(readableBytesView) }
}

extension Int: RedisArgument {
    public var redisBytes: [UInt8] { Array(String(self).utf8) }
}

extension Int64: RedisArgument {
    public var redisBytes: [UInt8] { Array(String(self).utf8) }
}

extension UInt64: RedisArgument {
    public var redisBytes: [UInt8] { Array(String(self).utf8) }
}

extension Double: RedisArgument {
    /// `inf`/`-inf` as Redis spells them (e.g. `ZRANGEBYSCORE key -inf +inf`).
    public var redisBytes: [UInt8] {
        if isInfinite { return Array((self < 0 ? "-inf" : "+inf").utf8) }
        return Array(String(self).utf8)
    }
}
