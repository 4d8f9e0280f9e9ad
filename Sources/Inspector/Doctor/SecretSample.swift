/// What the secret sampler saw in one prefix: how many keys it looked into and which of them
/// carry credential-like field names. Names only: values are never kept.
public struct SecretSample: Sendable, Hashable {
    /// One key with suspicious field names.
    public struct Hit: Sendable, Hashable {
        public var key: [UInt8]
        /// `hash` fields, `json` fields of a string, or the key's own `name`.
        public var source: String
        public var fields: [[UInt8]]
    }

    public var prefix: [UInt8]
    /// Keys looked into.
    public var sampled = 0
    public var hits: [Hit] = []

    public init(prefix: [UInt8]) { self.prefix = prefix }
}
