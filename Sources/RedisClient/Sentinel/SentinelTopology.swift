import RESP

/// One Sentinel group as the sentinels describe it: the primary (confirmed with `ROLE`), its
/// replicas, the sentinels, the quorum. Addresses are the reachable ones (``AddressMap`` applied).
public struct SentinelTopology: Sendable, Hashable {
    /// A replica, from `SENTINEL REPLICAS`.
    public struct Replica: Sendable, Hashable {
        public var endpoint: RedisEndpoint
        /// Sentinel's flags, e.g. `slave`, `s_down`, `disconnected`.
        public var flags: [String]
        /// `master-link-status`: `ok` or `err`.
        public var linkStatus: String?
        /// `slave-repl-offset`.
        public var offset: Int64?
        /// `last-ok-ping-reply`: milliseconds since the replica last answered the sentinel.
        public var lastReplyMilliseconds: Int64?

        /// Whether the sentinel sees the replica down or disconnected.
        public var isDown: Bool { flags.contains { $0 == "s_down" || $0 == "o_down" || $0 == "disconnected" } }

        public init(endpoint: RedisEndpoint, flags: [String], linkStatus: String?, offset: Int64?, lastReplyMilliseconds: Int64?) {
            self.endpoint = endpoint
            self.flags = flags
            self.linkStatus = linkStatus
            self.offset = offset
            self.lastReplyMilliseconds = lastReplyMilliseconds
        }
    }

    /// A sentinel of the group.
    public struct Sentinel: Sendable, Hashable {
        public var endpoint: RedisEndpoint
        /// Whether it answered us just now (`PING`); nil when not asked.
        public var reachable: Bool?
        /// Flags as another sentinel sees it (`sentinel`, `s_down`…); empty for the one that answered.
        public var flags: [String]

        /// Up: it answered, or (not asked) no sentinel sees it down.
        public var isUp: Bool { reachable ?? !flags.contains { $0 == "s_down" || $0 == "disconnected" } }

        public init(endpoint: RedisEndpoint, reachable: Bool?, flags: [String]) {
            self.endpoint = endpoint
            self.reachable = reachable
            self.flags = flags
        }
    }

    /// The monitored name.
    public var masterName: String
    /// The primary, confirmed by its own `ROLE`.
    public var primary: RedisEndpoint
    /// The primary's flags as the sentinel sees them (`master`, `s_down`, `o_down`, `failover_in_progress`…).
    public var primaryFlags: [String]
    /// The primary's replication offset (`ROLE`).
    public var primaryOffset: Int64?
    /// The configured quorum.
    public var quorum: Int?
    /// `failover-state` of `SENTINEL MASTER` (absent or `none` when no failover runs).
    public var failoverState: String?
    public var replicas: [Replica]
    /// Every known sentinel, the one that answered first.
    public var sentinels: [Sentinel]
    /// `SENTINEL CKQUORUM`: whether the quorum and a majority are reachable, and the sentinel's sentence.
    public var quorumReachable: Bool
    public var quorumMessage: String
    /// The sentinel that answered.
    public var answeredBy: RedisEndpoint

    public init(
        masterName: String, primary: RedisEndpoint, primaryFlags: [String], primaryOffset: Int64?, quorum: Int?, failoverState: String?,
        replicas: [Replica], sentinels: [Sentinel], quorumReachable: Bool, quorumMessage: String, answeredBy: RedisEndpoint
    ) {
        self.masterName = masterName
        self.primary = primary
        self.primaryFlags = primaryFlags
        self.primaryOffset = primaryOffset
        self.quorum = quorum
        self.failoverState = failoverState
        self.replicas = replicas
        self.sentinels = sentinels
        self.quorumReachable = quorumReachable
        self.quorumMessage = quorumMessage
        self.answeredBy = answeredBy
    }

    /// Every data node: the primary, then the replicas.
    public var nodes: [RedisEndpoint] { [primary] + replicas.map(\.endpoint) }

    /// Whether a failover is under way (flags or `failover-state`).
    public var failoverInProgress: Bool {
        primaryFlags.contains { $0.hasPrefix("failover_in_progress") || $0 == "promoted" }
            || (failoverState.map { $0 != "none" && !$0.isEmpty } ?? false)
    }
}

/// Reading the replies of `SENTINEL …` commands (RESP2 flat arrays or RESP3 maps).
enum SentinelReply {
    /// One entry (`SENTINEL MASTER`, or an element of `SENTINEL REPLICAS`/`SENTINELS`/`MASTERS`) as fields.
    static func fields(_ value: RESPValue) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in value.pairs ?? [] {
            guard let key = pair.key.string else { continue }
            fields[key] = pair.value.string ?? pair.value.int.map(String.init)
        }
        return fields
    }

    /// The entries of a list reply.
    static func entries(_ value: RESPValue) -> [[String: String]] {
        (value.array ?? []).map(fields)
    }

    /// `ip` and `port` fields as an endpoint.
    static func endpoint(_ fields: [String: String]) -> RedisEndpoint? {
        guard let ip = fields["ip"], let port = fields["port"].flatMap({ Int($0) }) else { return nil }
        return RedisEndpoint(host: ip, port: port)
    }

    /// `flags` split at commas.
    static func flags(_ fields: [String: String]) -> [String] {
        (fields["flags"] ?? "").split(separator: ",").map(String.init)
    }

    /// The `[ip, port]` answer of `SENTINEL GET-MASTER-ADDR-BY-NAME`; nil for a null reply.
    static func address(_ value: RESPValue) -> RedisEndpoint? {
        guard let parts = value.array, parts.count == 2, let host = parts[0].string,
            let port = parts[1].string.flatMap({ Int($0) }) ?? parts[1].int.map({ Int($0) })
        else { return nil }
        return RedisEndpoint(host: host, port: port)
    }
}
