/// One row for a recording's tables (see `docs/recording.md`). `t` is milliseconds since the
/// recording started; `node` the node's number in `nodes`. Nothing here holds a value, a payload
/// or a password: only figures, names and the operator's own words.
public enum RecordingRow: Sendable, Equatable {
    /// A node seen for the first time (its number, `host:port`).
    case node(node: Int, address: String, t: Int64)
    case sample(SampleRow)
    case nodeState(NodeStateRow)
    case alert(t: Int64, node: Int?, rule: String, severity: String, state: String, detail: String?)
    case action(t: Int64, node: Int?, action: String, target: [UInt8]?, keys: Int64?, outcome: String, detail: String?)
    case event(t: Int64, node: Int?, kind: String, key: [UInt8]?, detail: String?)
    case channel(t: Int64, node: Int, channel: [UInt8], messages: Int64)
    case prefix(t: Int64, node: Int, prefix: [UInt8], keys: Int64, memory: Int64, estimated: Bool)
}

/// A row of `samples`: counters are increments since the node's previous sample (nil: unknown).
public struct SampleRow: Sendable, Equatable {
    public var t: Int64
    public var node: Int
    public var latencyMicroseconds: Int64?
    public var ops: Int64?
    public var hits: Int64?
    public var misses: Int64?
    public var evicted: Int64?
    public var expired: Int64?
    public var usedMemory: Int64?
    public var clients: Int64?
    public var blocked: Int64?
    public var keys: Int64?
    /// Why the node did not answer (the figures are then nil).
    public var error: String?

    public init(
        t: Int64, node: Int, latencyMicroseconds: Int64? = nil, ops: Int64? = nil, hits: Int64? = nil, misses: Int64? = nil,
        evicted: Int64? = nil, expired: Int64? = nil, usedMemory: Int64? = nil, clients: Int64? = nil, blocked: Int64? = nil,
        keys: Int64? = nil, error: String? = nil
    ) {
        self.t = t
        self.node = node
        self.latencyMicroseconds = latencyMicroseconds
        self.ops = ops
        self.hits = hits
        self.misses = misses
        self.evicted = evicted
        self.expired = expired
        self.usedMemory = usedMemory
        self.clients = clients
        self.blocked = blocked
        self.keys = keys
        self.error = error
    }
}

/// A row of `node_states`: written at a node's first sample and whenever one of these changes.
public struct NodeStateRow: Sendable, Equatable {
    public var t: Int64
    public var node: Int
    public var role: String
    /// 0: no limit.
    public var maxmemory: Int64
    public var policy: String?
    public var server: String
    public var version: String

    public init(t: Int64, node: Int, role: String, maxmemory: Int64, policy: String?, server: String, version: String) {
        self.t = t
        self.node = node
        self.role = role
        self.maxmemory = maxmemory
        self.policy = policy
        self.server = server
        self.version = version
    }

    /// Whether `other` says the same about the node (the time aside).
    public func sameState(as other: NodeStateRow) -> Bool {
        role == other.role && maxmemory == other.maxmemory && policy == other.policy && server == other.server && version == other.version
    }
}
