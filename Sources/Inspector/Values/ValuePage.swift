import RESP

/// One page of a key's value, never the whole of a big one. Bytes stay bytes: the UI sanitises.
public struct ValuePage: Sendable, Hashable {
    /// The exact key bytes.
    public var key: [UInt8]
    public var type: RedisKeyType
    public var content: Content
    /// Where the following page starts; nil when this was the last.
    public var next: ValueCursor?
    /// A hash page on a server with field TTLs (``HashFieldTTLs``): one per field of `content`, in
    /// order (`.persistent`, `.expires(atMilliseconds:)`, nil if the field went meanwhile); nil
    /// when not read (other types, older servers).
    public var fieldTTLs: [KeyTTL?]?

    public enum Content: Sendable, Hashable {
        /// A slice of a string: `bytes` start at `offset` of a `totalLength`-byte value.
        /// `encoding` says how to show it (text, JSON → `JSONPrettyPrinter`, binary → a hex dump).
        case string(bytes: [UInt8], offset: Int, totalLength: Int, encoding: ValueEncoding)
        /// Hash fields from one `HSCAN` step (unordered; may be empty while `next` is non-nil).
        case hash([HashField])
        /// List elements from `LRANGE`; `elements[0]` is at `startIndex`.
        case list(elements: [[UInt8]], startIndex: Int)
        /// Set members from one `SSCAN` step.
        case set([[UInt8]])
        /// Sorted set members from `ZRANGE … WITHSCORES`, lowest score first; rank of the first is `startIndex`.
        case zset(members: [ScoredMember], startIndex: Int)
        /// Stream entries from `XRANGE … COUNT`.
        case stream([StreamEntry])
        /// A type cachescope does not page (module types); the type name is given.
        case unsupported(String)
        /// The key vanished between listing and reading.
        case missing
    }

    public init(key: [UInt8], type: RedisKeyType, content: Content, next: ValueCursor?) {
        self.key = key
        self.type = type
        self.content = content
        self.next = next
    }

    /// Number of items (bytes for a string) in the page.
    public var itemCount: Int {
        switch content {
        case .string(let bytes, _, _, _): bytes.count
        case .hash(let f): f.count
        case .list(let e, _): e.count
        case .set(let m): m.count
        case .zset(let m, _): m.count
        case .stream(let e): e.count
        case .unsupported, .missing: 0
        }
    }
}

/// A hash field and its value.
public struct HashField: Sendable, Hashable {
    public var field: [UInt8]
    public var value: [UInt8]
    public init(field: [UInt8], value: [UInt8]) {
        self.field = field
        self.value = value
    }

    /// Reads a flat `field, value, field, value…` reply (`HSCAN`, a stream entry); an odd last item is dropped.
    static func pairs(_ items: [RESPValue]) -> [HashField] {
        var fields: [HashField] = []
        fields.reserveCapacity(items.count / 2)
        var i = 0
        while i + 1 < items.count {
            fields.append(HashField(field: items[i].bytes ?? [], value: items[i + 1].bytes ?? []))
            i += 2
        }
        return fields
    }
}

/// A sorted set member and its score.
public struct ScoredMember: Sendable, Hashable {
    public var member: [UInt8]
    public var score: Double
    public init(member: [UInt8], score: Double) {
        self.member = member
        self.score = score
    }
}

/// A stream entry: its id and field/value pairs in order.
public struct StreamEntry: Sendable, Hashable {
    public var id: [UInt8]
    public var fields: [HashField]
    public init(id: [UInt8], fields: [HashField]) {
        self.id = id
        self.fields = fields
    }

    /// Reads one `[id, [field, value, …]]` entry of `XRANGE` or `XINFO STREAM`; nil for any other shape.
    init?(reply: RESPValue) {
        guard let parts = reply.array, parts.count == 2, let id = parts[0].bytes else { return nil }
        self.init(id: id, fields: HashField.pairs(parts[1].array ?? []))
    }
}
