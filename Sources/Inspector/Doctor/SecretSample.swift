/// What the secret sampler saw in one prefix: how many keys it looked into and which of them
/// carry credential-like field names. Names only: values are never kept.
public struct SecretSample: Sendable, Hashable {
    /// Where suspicious names were found.
    public enum Source: Sendable, Hashable, CaseIterable {
        /// Field names of a hash.
        case hashFields
        /// Field names of a JSON string.
        case jsonFields
        /// The key's own name segments (`user:42:api_key`).
        case keyName
    }

    /// One key with suspicious field names.
    public struct Hit: Sendable, Hashable {
        public var key: [UInt8]
        public var source: Source
        public var fields: [[UInt8]]
    }

    public var prefix: [UInt8]
    /// Keys looked into.
    public var sampled = 0
    public var hits: [Hit] = []

    public init(prefix: [UInt8]) { self.prefix = prefix }
}
