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

    public init(key: [UInt8], type: RedisKeyType) {
        self.key = key
        self.type = type
    }

    /// Where the next page starts, nil when everything has been read (or nothing yet).
    public var nextCursor: ValueCursor? { pages.last?.next }
}
