import RESP

/// Slot routing as a pure state machine, tested without sockets: which node serves a key or
/// slot, and what to do with each reply — deliver it, follow `MOVED` (updating the slot map and
/// asking for a topology refresh), follow `ASK` (with `ASKING`, no map update), wait and retry on
/// `TRYAGAIN`, or give up after ``maxRedirects`` redirections with a clear error.
///
///     var router = ClusterRouter(topology: topology)
///     var step = ClusterRouter.Step.send(to: router.endpoint(forSlot: slot)!, asking: false)
///     // send; then: step = router.next(after: reply, from: endpoint, redirects: n)
public struct ClusterRouter: Sendable {
    /// What to do after a reply.
    public enum Step: Sendable, Hashable {
        /// The reply is final (a value or an error that is not a redirection).
        case deliver
        /// Send the command again to `to`; with `asking`, send `ASKING` first on the same connection.
        case send(to: RedisEndpoint, asking: Bool)
        /// The slot is being moved (`TRYAGAIN`): send again to the same node after a short wait.
        case retryLater(RedisEndpoint)
        /// Too many redirections: stop with this error.
        case fail(RedisError)
    }

    /// The topology the map was last built from.
    public private(set) var topology: ClusterTopology
    /// The most redirections one command may follow.
    public let maxRedirects: Int
    /// Set by `MOVED`, `CLUSTERDOWN` and connection errors: the caller should reload the topology.
    public private(set) var refreshRequested = false
    /// Announced addresses → reachable ones, applied to `MOVED`/`ASK` targets.
    public var addressMap = AddressMap()

    /// slot → index into `owners`; -1 when no node serves it.
    private var slotOwner: [Int32]
    private var owners: [RedisEndpoint] = []
    private var replicas: [RedisEndpoint: [RedisEndpoint]] = [:]

    /// Creates a router for `topology`.
    public init(topology: ClusterTopology = ClusterTopology(shards: []), maxRedirects: Int = 5) {
        self.topology = topology
        self.maxRedirects = maxRedirects
        self.slotOwner = Array(repeating: -1, count: HashSlot.count)
        apply(topology)
    }

    /// Rebuilds the slot map from a fresh topology and clears the refresh request.
    public mutating func apply(_ topology: ClusterTopology) {
        self.topology = topology
        owners = []
        replicas = [:]
        slotOwner = Array(repeating: -1, count: HashSlot.count)
        for shard in topology.shards {
            let index = Int32(owners.count)
            owners.append(shard.primary.endpoint)
            replicas[shard.primary.endpoint] = shard.replicas.filter { $0.health != .failed }.map(\.endpoint)
            for range in shard.slotRanges {
                for slot in range where slot >= 0 && slot < HashSlot.count { slotOwner[slot] = index }
            }
        }
        refreshRequested = false
    }

    /// The node serving `slot`: its primary, or one of its healthy replicas when `replica` is
    /// asked (spread by slot; the primary when it has none). Nil when no node serves the slot.
    public func endpoint(forSlot slot: Int, replica: Bool = false) -> RedisEndpoint? {
        guard slot >= 0, slot < HashSlot.count else { return nil }
        let owner = slotOwner[slot]
        guard owner >= 0 else { return nil }
        let primary = owners[Int(owner)]
        if replica, let candidates = replicas[primary], !candidates.isEmpty {
            return candidates[slot % candidates.count]
        }
        return primary
    }

    /// One node per shard that serves slots, in slot order: its primary, or with `replica` its
    /// first healthy replica (the primary when it has none). What a cluster-wide `SCAN` walks.
    public func shardEndpoints(replica: Bool) -> [RedisEndpoint] {
        topology.servingShards.map { shard in
            (replica ? replicas[shard.primary.endpoint]?.first : nil) ?? shard.primary.endpoint
        }
    }

    /// The node serving `key` (see ``endpoint(forSlot:replica:)``).
    public func endpoint(forKey key: some Collection<UInt8>, replica: Bool = false) -> RedisEndpoint? {
        endpoint(forSlot: HashSlot.of(key), replica: replica)
    }

    /// Decides what follows `reply`, which `endpoint` sent after `redirects` redirections of the
    /// same command.
    public mutating func next(after reply: RESPValue, from endpoint: RedisEndpoint, redirects: Int) -> Step {
        guard let message = reply.errorMessage else { return .deliver }
        if message.hasPrefix("CLUSTERDOWN") {
            refreshRequested = true
            return .deliver
        }
        let isTryAgain = message.hasPrefix("TRYAGAIN")
        let redirect = ClusterRedirect.parse(message, replyingNode: endpoint)
        guard isTryAgain || redirect != nil else { return .deliver }
        if redirects >= maxRedirects {
            refreshRequested = true
            return .fail(RedisError(.server("MOVED"), "gave up after \(maxRedirects) cluster redirections (last: \(message))", endpoint: endpoint))
        }
        switch redirect {
        case .moved(let slot, let announced)?:
            let target = addressMap.reachable(announced)
            move(slot: slot, to: target)
            refreshRequested = true
            return .send(to: target, asking: false)
        case .ask(_, let announced)?:
            return .send(to: addressMap.reachable(announced), asking: true)
        case nil:
            return .retryLater(endpoint)
        }
    }

    /// A node could not be reached: the map may be stale (failover), so ask for a refresh.
    public mutating func noteConnectionError(_ endpoint: RedisEndpoint) {
        refreshRequested = true
    }

    /// Asks for a topology refresh.
    public mutating func requestRefresh() {
        refreshRequested = true
    }

    /// Points `slot` at `target` until the next refresh.
    private mutating func move(slot: Int, to target: RedisEndpoint) {
        guard slot >= 0, slot < HashSlot.count else { return }
        if let index = owners.firstIndex(of: target) {
            slotOwner[slot] = Int32(index)
        } else {
            owners.append(target)
            slotOwner[slot] = Int32(owners.count - 1)
        }
    }
}
