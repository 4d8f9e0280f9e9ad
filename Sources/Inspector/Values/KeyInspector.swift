import NIOCore
import RESP
import RedisClient

/// Reads one key for the detail view: its header (`KeyDetail`) in one pipeline, and its value a
/// page at a time with the type's cursor command, so a 500 MB string or a ten-million-member set
/// opens on its first page at once (never `GET`/`HGETALL`/`SMEMBERS` of a whole value).
///
/// Keys are passed and returned as exact bytes (binary and escape-sequence keys work as is).
public struct KeyInspector: Sendable {
    public let connection: any RedisPipelining
    public var pageSize: ValuePageSize

    public init(connection: any RedisPipelining, pageSize: ValuePageSize = .default) {
        self.connection = connection
        self.pageSize = pageSize
    }

    /// Fetches type, encoding, TTL, memory, length and idle time (or LFU frequency).
    ///
    /// With `expectedType` (from the index) everything goes in one pipeline; if the key's type
    /// turns out different (or was not given), one more round trip reads the right length.
    /// - Returns: nil if the key does not exist.
    public func detail(of key: [UInt8], expectedType: RedisKeyType? = nil) async throws -> KeyDetail? {
        var commands = [
            RedisCommand(arguments: [Array("TYPE".utf8), key]),
            RedisCommand(arguments: [Array("OBJECT".utf8), Array("ENCODING".utf8), key]),
            RedisCommand(arguments: [Array("PTTL".utf8), key]),
            RedisCommand(arguments: [Array("MEMORY".utf8), Array("USAGE".utf8), key, Array("SAMPLES".utf8), Array("5".utf8)]),
            // Exactly one of these two errors, depending on the maxmemory policy (LFU or not).
            RedisCommand(arguments: [Array("OBJECT".utf8), Array("IDLETIME".utf8), key]),
            RedisCommand(arguments: [Array("OBJECT".utf8), Array("FREQ".utf8), key]),
        ]
        if let expectedType, let length = Self.lengthCommand(expectedType, key) { commands.append(length) }
        let replies = try await connection.pipeline(commands)
        let type = replies[0].bytes.map { RedisKeyType(typeName: $0) } ?? .unknown
        guard type != .gone, let pttl = replies[2].int, pttl != -2 else { return nil }
        var detail = KeyDetail(
            key: key, type: type,
            encoding: replies[1].string,
            ttl: KeyTTL(pttl: pttl, now: wallClockMilliseconds()) ?? .unknown,
            memory: replies[3].int.map { UInt64(clamping: $0) },
            idleSeconds: replies[4].int,
            lfuFrequency: replies[5].int)
        if expectedType == type, replies.count > 6 {
            detail.length = replies[6].int
        } else if let length = Self.lengthCommand(type, key) {
            detail.length = try await connection.pipeline([length])[0].int
        }
        return detail
    }

    /// Reads one page of the value from `cursor` (`.start` for the first).
    /// - Parameters:
    ///   - type: the key's type (from the index or `detail`); `.unknown` asks the server first.
    /// - Throws: `KeyspaceError.server` (e.g. `WRONGTYPE` if the key changed type meanwhile),
    ///   `RedisError` for transport failures.
    public func page(of key: [UInt8], type: RedisKeyType, from cursor: ValueCursor = .start) async throws -> ValuePage {
        switch type {
        case .unknown:
            let reply = try await connection.call(RedisCommand(arguments: [Array("TYPE".utf8), key]))
            let actual = reply.bytes.map { RedisKeyType(typeName: $0) } ?? .other
            guard actual != .unknown else { throw KeyspaceError.unexpectedReply(command: "TYPE") }
            return try await page(of: key, type: actual, from: cursor)
        case .gone:
            return ValuePage(key: key, type: type, content: .missing, next: nil)
        case .string: return try await stringPage(key, cursor)
        case .hash: return try await scanPage(key, "HSCAN", type, cursor)
        case .set: return try await scanPage(key, "SSCAN", type, cursor)
        case .list: return try await listPage(key, cursor)
        case .zset: return try await zsetPage(key, cursor)
        case .stream: return try await streamPage(key, cursor)
        case .other:
            let reply = try await connection.call(RedisCommand(arguments: [Array("TYPE".utf8), key]))
            return ValuePage(key: key, type: type, content: .unsupported(reply.string ?? "other"), next: nil)
        }
    }

    // MARK: per type

    private func stringPage(_ key: [UInt8], _ cursor: ValueCursor) async throws -> ValuePage {
        let offset = cursor.offset
        let replies = try await connection.pipeline([
            RedisCommand(arguments: [Array("STRLEN".utf8), key]),
            RedisCommand(arguments: [
                Array("GETRANGE".utf8), key, Array(String(offset).utf8),
                Array(String(offset + pageSize.stringBytes - 1).utf8),
            ]),
        ])
        try Self.check(replies, "GETRANGE")
        let total = Int(replies[0].int ?? 0)
        let bytes = replies[1].bytes ?? []
        if total == 0 && offset == 0 {
            // STRLEN 0: empty string or vanished key; EXISTS tells them apart.
            let exists = try await connection.call(RedisCommand(arguments: [Array("EXISTS".utf8), key])).int ?? 0
            if exists == 0 { return ValuePage(key: key, type: .string, content: .missing, next: nil) }
        }
        let end = offset + bytes.count
        let complete = offset == 0 && end >= total
        return ValuePage(
            key: key, type: .string,
            content: .string(
                bytes: bytes, offset: offset, totalLength: total,
                encoding: ValueEncoding.classify(bytes, isComplete: complete)),
            next: end < total && !bytes.isEmpty ? .offset(end) : nil)
    }

    private func scanPage(_ key: [UInt8], _ command: String, _ type: RedisKeyType, _ cursor: ValueCursor) async throws -> ValuePage {
        var position: [UInt8] = Array("0".utf8)
        if case .scan(let c) = cursor { position = c }
        let reply = try await connection.call(
            RedisCommand(arguments: [
                Array(command.utf8), key, position, Array("COUNT".utf8), Array(String(pageSize.elements).utf8),
            ]))
        guard let parts = reply.array, parts.count == 2, let next = parts[0].bytes, let items = parts[1].array else {
            throw KeyspaceError.unexpectedReply(command: command)
        }
        let done = next == Array("0".utf8)
        let content: ValuePage.Content
        if type == .hash {
            content = .hash(HashField.pairs(items))
        } else {
            content = .set(items.map { $0.bytes ?? [] })
        }
        if case .start = cursor, done, items.isEmpty, !(try await exists(key)) {
            return ValuePage(key: key, type: type, content: .missing, next: nil)
        }
        return ValuePage(key: key, type: type, content: content, next: done ? nil : .scan(next))
    }

    private func listPage(_ key: [UInt8], _ cursor: ValueCursor) async throws -> ValuePage {
        let start = cursor.offset
        let replies = try await connection.pipeline([
            RedisCommand(arguments: [
                Array("LRANGE".utf8), key, Array(String(start).utf8),
                Array(String(start + pageSize.elements - 1).utf8),
            ]),
            RedisCommand(arguments: [Array("LLEN".utf8), key]),
        ])
        try Self.check(replies, "LRANGE")
        let elements = (replies[0].array ?? []).map { $0.bytes ?? [] }
        let length = Int(replies[1].int ?? 0)
        if length == 0 && start == 0 { return ValuePage(key: key, type: .list, content: .missing, next: nil) }
        let end = start + elements.count
        return ValuePage(
            key: key, type: .list, content: .list(elements: elements, startIndex: start),
            next: end < length && !elements.isEmpty ? .offset(end) : nil)
    }

    private func zsetPage(_ key: [UInt8], _ cursor: ValueCursor) async throws -> ValuePage {
        let start = cursor.offset
        let replies = try await connection.pipeline([
            RedisCommand(arguments: [
                Array("ZRANGE".utf8), key, Array(String(start).utf8),
                Array(String(start + pageSize.elements - 1).utf8), Array("WITHSCORES".utf8),
            ]),
            RedisCommand(arguments: [Array("ZCARD".utf8), key]),
        ])
        try Self.check(replies, "ZRANGE")
        var members: [ScoredMember] = []
        let items = replies[0].array ?? []
        if items.first?.array != nil {
            // RESP3: an array of [member, score] pairs.
            for pair in items {
                guard let p = pair.array, p.count == 2 else { continue }
                members.append(ScoredMember(member: p[0].bytes ?? [], score: p[1].double ?? .nan))
            }
        } else {
            var i = 0
            while i + 1 < items.count {
                members.append(ScoredMember(member: items[i].bytes ?? [], score: items[i + 1].double ?? .nan))
                i += 2
            }
        }
        let cardinality = Int(replies[1].int ?? 0)
        if cardinality == 0 && start == 0 { return ValuePage(key: key, type: .zset, content: .missing, next: nil) }
        let end = start + members.count
        return ValuePage(
            key: key, type: .zset, content: .zset(members: members, startIndex: start),
            next: end < cardinality && !members.isEmpty ? .offset(end) : nil)
    }

    private func streamPage(_ key: [UInt8], _ cursor: ValueCursor) async throws -> ValuePage {
        var from: [UInt8] = Array("-".utf8)
        if case .after(let id) = cursor { from = Array("(".utf8) + id }
        let reply = try await connection.call(
            RedisCommand(arguments: [
                Array("XRANGE".utf8), key, from, Array("+".utf8), Array("COUNT".utf8), Array(String(pageSize.elements).utf8),
            ]))
        let entries = (reply.array ?? []).compactMap(StreamEntry.init(reply:))
        if case .start = cursor, entries.isEmpty, !(try await exists(key)) {
            return ValuePage(key: key, type: .stream, content: .missing, next: nil)
        }
        let next: ValueCursor? = entries.count == pageSize.elements ? entries.last.map { .after(streamID: $0.id) } : nil
        return ValuePage(key: key, type: .stream, content: .stream(entries), next: next)
    }

    // MARK: helpers

    private func exists(_ key: [UInt8]) async throws -> Bool {
        (try await connection.call(RedisCommand(arguments: [Array("EXISTS".utf8), key])).int ?? 0) > 0
    }

    private static func check(_ replies: [RESPValue], _ name: String) throws {
        for reply in replies {
            if let message = reply.errorMessage { throw KeyspaceError.server(command: name, message: message) }
        }
    }

    static func lengthCommand(_ type: RedisKeyType, _ key: [UInt8]) -> RedisCommand? {
        let name: String
        switch type {
        case .string: name = "STRLEN"
        case .hash: name = "HLEN"
        case .list: name = "LLEN"
        case .set: name = "SCARD"
        case .zset: name = "ZCARD"
        case .stream: name = "XLEN"
        case .unknown, .other, .gone: return nil
        }
        return RedisCommand(arguments: [Array(name.utf8), key])
    }
}

extension ValueCursor {
    /// The offset/index a cursor stands for (0 for `.start` and non-offset cursors).
    var offset: Int {
        if case .offset(let n) = self { return n }
        return 0
    }
}
