import Inspector

/// The key open in the detail view: its detail and the value pages read so far.
public struct OpenedKey: Sendable, Equatable {
    public var key: [UInt8]
    public var type: RedisKeyType
    public var detail: KeyDetail?
    public var pages: [ValuePage] = []
    public var loading = true
    public var error: String?
    /// First line of the value shown.
    public var scroll = 0
    /// Show strings as a hex dump even when they are text.
    public var hex = false
    /// A stream's, vector set's or module value's summary, once read.
    public var summary: ValueSummary?
    /// Why the summary could not be read.
    public var summaryError: String?
    /// The selected field (an index into ``fields``) of a hash whose fields carry TTLs.
    public var selectedField = 0

    public init(key: [UInt8], type: RedisKeyType) {
        self.key = key
        self.type = type
    }

    /// Where the next page starts, nil when everything has been read (or nothing yet).
    public var nextCursor: ValueCursor? { pages.last?.next }

    /// Whether the pages carry field TTLs (a hash on a server that has them): the view then
    /// shows a TTL column and a field selection, and `e`/`p` act on the selected field.
    public var hasFieldTTLs: Bool { pages.contains { $0.fieldTTLs != nil } }

    /// A hash's fields read so far, each with its TTL (nil when not read, or the field is gone).
    public var fields: [(field: HashField, ttl: KeyTTL?)] {
        pages.flatMap { page -> [(field: HashField, ttl: KeyTTL?)] in
            guard case .hash(let fields) = page.content else { return [] }
            return fields.enumerated().map { index, field in
                (field, page.fieldTTLs.flatMap { $0.indices.contains(index) ? $0[index] : nil })
            }
        }
    }

    /// The selected field of a hash with field TTLs; nil otherwise.
    public var selectedFieldEntry: (field: HashField, ttl: KeyTTL?)? {
        guard hasFieldTTLs else { return nil }
        let all = fields
        return all.indices.contains(selectedField) ? all[selectedField] : nil
    }

    /// Sets the TTL shown for `field` (after a change, from the server's answer).
    public mutating func setTTL(_ ttl: KeyTTL?, ofField field: [UInt8]) {
        for p in pages.indices {
            guard case .hash(let fields) = pages[p].content, var ttls = pages[p].fieldTTLs else { continue }
            for (i, f) in fields.enumerated() where f.field == field && ttls.indices.contains(i) { ttls[i] = ttl }
            pages[p].fieldTTLs = ttls
        }
    }
}
