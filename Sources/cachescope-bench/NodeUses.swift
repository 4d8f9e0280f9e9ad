/// The connections the dashboard has reason to hold to each node of the soak's cluster: one per
/// use. Every node is sampled (1) and may be routed to by the cluster client (1, while it is a
/// primary or the seed); the node the Pub/Sub pane subscribes on has the subscriber (1); the node
/// the dashboard was started on has the keys pane's reads (1). More than that on any node, in any
/// row, is a leak, whatever the total does.
struct NodeUses: Sendable {
    var subscriberPort: Int
    var seedPort: Int

    /// The most connections `port` may hold.
    func allowed(_ port: Int) -> Int {
        2 + (port == subscriberPort ? 1 : 0) + (port == seedPort ? 1 : 0)
    }

    /// The connections' range over `censuses` and whether any node ever held more than its uses.
    func verdict(_ censuses: [DescriptorCensus]) -> String {
        let counts = censuses.map(\.connections)
        var excess: [(port: Int, count: Int)] = []
        for census in censuses {
            for (port, count) in census.connectionsByPort where count > allowed(port) { excess.append((port, count)) }
        }
        let range = counts.isEmpty ? "none" : "\(counts.min()!)–\(counts.max()!)"
        let most = censuses.map { census in census.connectionsByPort.map { $0.value - allowed($0.key) }.max() ?? 0 }.max() ?? 0
        guard let first = excess.first else {
            return
                "  connections: \(range) in \(censuses.count) rows; every node within its uses (sampling, cluster client, and the subscriber's and the keys pane's on theirs; the fullest \(-most) below its limit) → one per use: MET"
        }
        return "  connections: \(range); \(excess.count) times a node held more than its uses (first: \(first.count) on \(first.port), \(allowed(first.port)) allowed) → one per use: NOT MET"
    }
}
