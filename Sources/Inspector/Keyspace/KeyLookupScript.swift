import NIOCore
import RESP
import RedisClient

/// The fast path of the per-key lookup: one read-only Lua script per chunk of keys runs `TYPE`,
/// `PTTL` and `MEMORY USAGE` server-side and answers with one packed bulk string
/// (`type pttl memory` a line), so neither side pays RESP framing for three replies a key.
/// Server time stays bounded by the chunk size (`ScanLoadPolicy.scriptChunkSize`).
///
/// Used when the server allows it (probed once per scan: scripting may be disabled or denied by
/// ACL); otherwise the scanner pipelines the three commands per key (`KeyLookup`).
enum KeyLookupScript {
    /// `no-writes` lets it run on replicas and under `--read-only`. A cluster still refuses
    /// declared keys of several slots (CROSSSLOT), so cluster mode scans without the script.
    static let source = Array(
        """
        #!lua flags=no-writes,allow-cross-slot-keys
        local out = {}
        local samples = ARGV[1]
        for i = 1, #KEYS do
          local k = KEYS[i]
          local t = redis.call('TYPE', k)['ok']
          local p = redis.call('PTTL', k)
          local m = redis.call('MEMORY', 'USAGE', k, 'SAMPLES', samples) or 0
          out[i] = t .. ' ' .. p .. ' ' .. m
        end
        return table.concat(out, '\\n')
        """.utf8)

    static let evalName = Array("EVAL".utf8)

    /// The `EVAL` for `keys`.
    static func command(keys: ArraySlice<[UInt8]>, samples: [UInt8]) -> RedisCommand {
        var arguments: [[UInt8]] = [evalName, source, Array(String(keys.count).utf8)]
        arguments.reserveCapacity(keys.count + 4)
        arguments.append(contentsOf: keys)
        arguments.append(samples)
        return RedisCommand(arguments: arguments)
    }

    /// Whether the server runs the script (an empty call; errors mean: use plain pipelines).
    static func isAvailable(on connection: any RedisPipelining) async -> Bool {
        guard let reply = try? await connection.pipeline([command(keys: [], samples: Array("5".utf8))]).first else { return false }
        return reply.errorMessage == nil
    }

    /// Parses one reply into `(type, ttl, memory)` per key, in key order; nil if malformed.
    static func read(_ reply: RESPValue, expectedCount: Int, now: Int64) -> [(type: RedisKeyType, ttl: KeyTTL, memory: UInt64)]? {
        guard case .bulkString(let buffer) = reply else { return expectedCount == 0 ? [] : nil }
        var results: [(type: RedisKeyType, ttl: KeyTTL, memory: UInt64)] = []
        results.reserveCapacity(expectedCount)
        buffer.withUnsafeReadableBytes { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let typeStart = i
                while i < n && bytes[i] != 0x20 { i += 1 }
                let type = RedisKeyType(typeName: UnsafeRawBufferPointer(rebasing: bytes[typeStart..<i]))
                i += 1
                let pttl = integer(bytes, &i)
                let memory = integer(bytes, &i)
                if type == .gone || pttl == -2 {
                    results.append((.gone, .unknown, 0))
                } else {
                    results.append((type, KeyTTL(pttl: pttl, now: now) ?? .unknown, UInt64(clamping: memory)))
                }
            }
        }
        return results.count == expectedCount ? results : nil
    }

    /// Reads a decimal integer and skips the separator after it.
    private static func integer(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) -> Int64 {
        var negative = false
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var value: Int64 = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            value = value &* 10 &+ Int64(bytes[i] - 0x30)
            i += 1
        }
        i += 1
        return negative ? -value : value
    }
}
