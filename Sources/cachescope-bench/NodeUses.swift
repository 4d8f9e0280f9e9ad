/// The connections the dashboard has reason to hold to the soak's cluster: one per use.
///
/// Every node is sampled (1). The cluster client holds one to each primary it has routed to; a
/// demoted primary's is closed within its idle timeout (30 s) of the demotion, so for a while
/// after a failover one extra is expected. The node the Pub/Sub pane subscribes on adds
/// the subscriber (1), the node the dashboard was started on the keys pane's reads (1). A leak
/// shows as a node holding more than 2 plus its own extras, or as more in all than
/// `nodes + primaries + 1 + 2` (the leak the cluster client once had, a connection kept to every
/// demoted primary, breaks the second at its second failover).
struct NodeUses: Sendable {
    var subscriberPort: Int
    var seedPort: Int
    var nodes: Int
    var primaries: Int

    /// The most connections `port` may hold: sampling and the cluster client, and the extras of
    /// the subscriber's and the seed's node.
    func allowed(_ port: Int) -> Int {
        2 + (port == subscriberPort ? 1 : 0) + (port == seedPort ? 1 : 0)
    }

    /// The most connections in all: one per node, one per primary, one demoted primary's in its
    /// idle timeout, the subscriber and the keys pane's reads.
    var allowedInAll: Int { nodes + primaries + 1 + 2 }

    /// Every time a node or the whole held more connections than its uses in `censuses`.
    func excess(_ censuses: [DescriptorCensus]) -> [String] {
        var excess: [String] = []
        for census in censuses {
            for (port, count) in census.connectionsByPort where count > allowed(port) {
                excess.append("\(count) on \(port) (\(allowed(port)) allowed)")
            }
            if census.connections > allowedInAll { excess.append("\(census.connections) in all (\(allowedInAll) allowed)") }
        }
        return excess
    }

    /// Whether no node and not the whole ever held more connections than its uses.
    func isMet(_ censuses: [DescriptorCensus]) -> Bool { !censuses.isEmpty && excess(censuses).isEmpty }

    /// The connections' range over `censuses`, and whether a node or the whole ever held more
    /// than its uses.
    func verdict(_ censuses: [DescriptorCensus]) -> String {
        let counts = censuses.map(\.connections)
        let range = counts.isEmpty ? "none" : "\(counts.min()!)–\(counts.max()!)"
        let excess = excess(censuses)
        let rule = "at most 2 a node (+1 on the subscriber's, +1 on the seed) and \(allowedInAll) in all"
        guard let first = excess.first else {
            return "  connections: \(range) over \(censuses.count) rows; \(rule): every row → one per use: MET"
        }
        return "  connections: \(range); \(rule): exceeded \(excess.count) times (first: \(first)) → one per use: NOT MET"
    }
}
