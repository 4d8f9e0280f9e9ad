import NIOCore
import RESP
import RedisClient

/// The per-key lookup the scanner pipelines for every new key: `TYPE`, `PTTL` and
/// `MEMORY USAGE key [SAMPLES n]`, three commands a key, replies read back into index columns.
/// Package-visible so the keyspace benchmark's server-time floor pipes exactly these commands.
package enum KeyLookup {
    static let typeName = Array("TYPE".utf8)
    static let pttlName = Array("PTTL".utf8)
    static let memoryName = Array("MEMORY".utf8)
    static let usageName = Array("USAGE".utf8)
    static let samplesName = Array("SAMPLES".utf8)

    /// Commands per key.
    static let commandsPerKey = 3

    /// Redis' own `MEMORY USAGE` sample count when none is given.
    static let serverDefaultSamples = 5

    /// What follows the key in `MEMORY USAGE`: nothing for the server's default of 5 samples, else
    /// `SAMPLES n`. Per-command overhead is most of the server's cost of a lookup, so two fewer
    /// arguments a key measurably lighten it (about 8% of its lookup CPU on 1M keys).
    package static func memoryOptions(samples: Int) -> [[UInt8]] {
        samples == serverDefaultSamples ? [] : [samplesName, Array(String(samples).utf8)]
    }

    /// Appends the three lookup commands for `key`; `memoryOptions` from ``memoryOptions(samples:)``.
    package static func appendCommands(for key: [UInt8], memoryOptions: [[UInt8]], to commands: inout [RedisCommand]) {
        commands.append(RedisCommand(arguments: [typeName, key]))
        commands.append(RedisCommand(arguments: [pttlName, key]))
        commands.append(RedisCommand(arguments: [memoryName, usageName, key] + memoryOptions))
    }

    /// What three replies (starting at `offset`) say about a key; `.gone` type when it vanished.
    static func read(_ replies: [RESPValue], at offset: Int, now: Int64) -> (type: RedisKeyType, ttl: KeyTTL, memory: UInt64) {
        let type: RedisKeyType
        switch replies[offset] {
        case .simpleString(let b), .bulkString(let b): type = RedisKeyType(typeName: b.readableBytesView)
        default: type = .unknown
        }
        let pttl = replies[offset + 1].int ?? -3
        guard type != .gone, pttl != -2 else { return (.gone, .unknown, 0) }
        let ttl = pttl == -3 ? KeyTTL.unknown : (KeyTTL(pttl: pttl, now: now) ?? .unknown)
        let memory = replies[offset + 2].int.map { UInt64(clamping: $0) } ?? 0
        return (type, ttl, memory)
    }
}
