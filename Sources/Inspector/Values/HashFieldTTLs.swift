import RESP
import RedisClient

/// The TTLs of a hash's fields (Redis 7.4+, Valkey 9+), read for one page of fields at a time with
/// one `HPEXPIRETIME`, so the value view shows each field beside its expiry. Offer it only where
/// ``ServerFeatures/hashFieldTTLs`` is true: older servers do not know the command.
///
/// ```swift
/// let page = try await HashFieldTTLs.page(KeyInspector(connection: c), of: key, from: .start)
/// for (field, ttl) in zip(page.fields, page.ttls) { … }   // ttl: .persistent, .expires(at:), nil if gone
/// ```
public enum HashFieldTTLs {
    /// `HPEXPIRETIME key FIELDS n field…`.
    public static func command(key: [UInt8], fields: [[UInt8]]) -> RedisCommand {
        RedisCommand(arguments: [Array("HPEXPIRETIME".utf8), key, Array("FIELDS".utf8), Array(String(fields.count).utf8)] + fields)
    }

    /// Reads an `HPEXPIRETIME` reply: per field, its deadline (Unix ms, on the server's clock),
    /// `.persistent` (-1), or nil when the field (or the key) is gone (-2).
    /// - Returns: nil when the reply is not an array of integers.
    public static func parse(_ reply: RESPValue) -> [KeyTTL?]? {
        guard let items = reply.array else { return nil }
        var ttls: [KeyTTL?] = []
        ttls.reserveCapacity(items.count)
        for item in items {
            guard let value = item.int else { return nil }
            switch value {
            case -2: ttls.append(nil)
            case ..<0: ttls.append(.persistent)
            default: ttls.append(.expires(atMilliseconds: value))
            }
        }
        return ttls
    }

    /// The TTLs of `fields` of `key`, in order.
    /// - Throws: `KeyspaceError` (e.g. `WRONGTYPE`, or an unknown command on an older server).
    public static func read(_ connection: any RedisPipelining, key: [UInt8], fields: [[UInt8]]) async throws -> [KeyTTL?] {
        guard !fields.isEmpty else { return [] }
        guard let ttls = parse(try await connection.call(command(key: key, fields: fields))), ttls.count == fields.count else {
            throw KeyspaceError.unexpectedReply(command: "HPEXPIRETIME")
        }
        return ttls
    }

    /// The `HSCAN` page of `inspector` with ``ValuePage/fieldTTLs`` filled by one `HPEXPIRETIME`
    /// for exactly its fields, so the value view pages fields and their TTLs together.
    public static func valuePage(_ inspector: KeyInspector, of key: [UInt8], from cursor: ValueCursor = .start) async throws -> ValuePage {
        let read = try await page(inspector, of: key, from: cursor)
        var page = read.page
        if case .hash = page.content { page.fieldTTLs = read.ttls }
        return page
    }

    /// One page of a hash's fields with their TTLs: the `HSCAN` page of `inspector`, then one
    /// `HPEXPIRETIME` for exactly its fields.
    public static func page(_ inspector: KeyInspector, of key: [UInt8], from cursor: ValueCursor = .start) async throws -> HashFieldTTLPage {
        let page = try await inspector.page(of: key, type: .hash, from: cursor)
        guard case .hash(let fields) = page.content else { return HashFieldTTLPage(page: page, ttls: []) }
        return HashFieldTTLPage(page: page, ttls: try await read(inspector.connection, key: key, fields: fields.map(\.field)))
    }
}

/// A page of hash fields (``ValuePage``) and each field's TTL, in the same order.
public struct HashFieldTTLPage: Sendable, Hashable {
    public var page: ValuePage
    /// One per field of `page`: `.persistent`, `.expires(atMilliseconds:)`, or nil if the field expired meanwhile.
    public var ttls: [KeyTTL?]

    /// The fields of the page (empty when the key is gone).
    public var fields: [HashField] {
        if case .hash(let fields) = page.content { return fields }
        return []
    }

    /// The earliest deadline among the page's fields, for a key's row ("a field expires in 3m").
    public var soonestExpiry: Int64? {
        ttls.compactMap { ttl -> Int64? in if case .expires(let at)? = ttl { return at } else { return nil } }.min()
    }
}
