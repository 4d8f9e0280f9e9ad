// Why a client deserves a look during an incident.

/// A reason a client is flagged. The raw values are the names `snapshot --clients --json` uses.
public enum ClientFlag: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Its output buffer is over the threshold, or near its class's `client-output-buffer-limit`.
    case outputBuffer = "output-buffer"
    /// Its query buffer is over the threshold, or growing between two looks.
    case queryBuffer = "query-buffer"
    /// Idle for longer than the threshold (hours, by default): a leaked connection?
    case idle
    /// Blocked in a command (`BLPOP`, `WAIT`, …).
    case blocked
    /// Client-side caching tracking is on: the server keeps invalidation state for it.
    case tracking
    /// Subscribed to channels: its output buffer grows if it stops reading.
    case pubsub

    /// A short tag for narrow tables: `obuf`, `qbuf`, `idle`, `blk`, `trk`, `sub`.
    public var tag: String {
        switch self {
        case .outputBuffer: return "obuf"
        case .queryBuffer: return "qbuf"
        case .idle: return "idle"
        case .blocked: return "blk"
        case .tracking: return "trk"
        case .pubsub: return "sub"
        }
    }

    public static func < (lhs: ClientFlag, rhs: ClientFlag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// When a client is flagged (the `[clients]` table of the config file).
public struct ClientThresholds: Sendable, Hashable {
    /// Output buffer bytes that flag a client whatever its class's limit.
    public var outputBufferBytes: Int64
    /// Share of the class's lowest `client-output-buffer-limit` that flags a client.
    public var nearLimitFraction: Double
    /// Query buffer bytes that flag a client.
    public var queryBufferBytes: Int64
    /// A query buffer at least this large that grew since the last look is flagged.
    public var growingQueryBufferBytes: Int64
    /// Idle seconds that flag a client.
    public var idleSeconds: Int64

    public init(
        outputBufferBytes: Int64 = 32 << 20, nearLimitFraction: Double = 0.5, queryBufferBytes: Int64 = 1 << 20,
        growingQueryBufferBytes: Int64 = 64 << 10, idleSeconds: Int64 = 3600
    ) {
        self.outputBufferBytes = outputBufferBytes
        self.nearLimitFraction = nearLimitFraction
        self.queryBufferBytes = queryBufferBytes
        self.growingQueryBufferBytes = growingQueryBufferBytes
        self.idleSeconds = idleSeconds
    }

    public static let `default` = ClientThresholds()

    /// The flags `client` earns.
    /// - Parameters:
    ///   - limits: the server's `client-output-buffer-limit`, by class (empty when unknown).
    ///   - previousQueryBuffer: the client's `qbuf` at the last look, if it was seen then.
    public func flags(for client: ClientInfo, limits: [OutputBufferClass: OutputBufferLimit] = [:], previousQueryBuffer: Int64? = nil) -> Set<ClientFlag> {
        var flags: Set<ClientFlag> = []
        let limit = limits[client.bufferClass]?.lowest
        if client.outputMemory >= outputBufferBytes || limit.map({ Double(client.outputMemory) >= Double($0) * nearLimitFraction }) == true {
            flags.insert(.outputBuffer)
        }
        let growing = previousQueryBuffer.map { client.queryBuffer > $0 && client.queryBuffer >= growingQueryBufferBytes } ?? false
        if client.queryBuffer >= queryBufferBytes || growing { flags.insert(.queryBuffer) }
        if client.idleSeconds >= idleSeconds { flags.insert(.idle) }
        if client.flags.contains("b") { flags.insert(.blocked) }
        if client.flags.contains("t") { flags.insert(.tracking) }
        if client.flags.contains("P") || client.subscriptions > 0 { flags.insert(.pubsub) }
        return flags
    }
}
