/// Everything the key detail header shows, fetched in one pipeline.
public struct KeyDetail: Sendable, Hashable {
    /// The exact key bytes.
    public var key: [UInt8]
    public var type: RedisKeyType
    /// `OBJECT ENCODING` (`listpack`, `hashtable`, `embstr`, `int`, `quicklist`…), if readable.
    public var encoding: String?
    /// From `PTTL`, as an absolute deadline.
    public var ttl: KeyTTL
    /// `MEMORY USAGE` in bytes (sampled for aggregates).
    public var memory: UInt64?
    /// `STRLEN` / `HLEN` / `LLEN` / `SCARD` / `ZCARD` / `XLEN`: bytes for a string, members otherwise.
    public var length: Int64?
    /// `OBJECT IDLETIME` in seconds (nil under an LFU policy, where Redis refuses it).
    public var idleSeconds: Int64?
    /// `OBJECT FREQ` (only under an LFU `maxmemory-policy`).
    public var lfuFrequency: Int64?

    public init(
        key: [UInt8], type: RedisKeyType, encoding: String? = nil, ttl: KeyTTL = .unknown, memory: UInt64? = nil,
        length: Int64? = nil, idleSeconds: Int64? = nil, lfuFrequency: Int64? = nil
    ) {
        self.key = key
        self.type = type
        self.encoding = encoding
        self.ttl = ttl
        self.memory = memory
        self.length = length
        self.idleSeconds = idleSeconds
        self.lfuFrequency = lfuFrequency
    }
}
