import RESP
import RedisClient

/// The hot slots of a whole cluster for the server pane: every serving primary's top slots
/// (``ServerSnapshot/readSlotStats(first:_:)``: one `CLUSTER SLOT-STATS` a primary, three more
/// where it tracks CPU and network), merged, each slot with the primary that owns it.
extension ServerSnapshot {
    /// Reads every primary's hot slots into ``hotSlots`` and ``hotSlotOwners``; a primary that
    /// refuses lands in `errors["slots"]`, the others still count.
    /// - Throws: transport errors.
    public mutating func readClusterHotSlots(_ cluster: ClusterClient) async throws {
        let answers = try await cluster.forEachPrimary { node, connection in
            (owner: "\(node.endpoint)", read: try await Self.readSlotStats(first: nil, connection))
        }
        var slots: [SlotStats] = []
        var owners: [Int: String] = [:]
        for answer in answers {
            if let error = answer.read.error { errors["slots"] = "\(answer.owner): \(error)" }
            for stats in answer.read.stats ?? [] {
                slots.append(stats)
                owners[stats.slot] = answer.owner
            }
        }
        // Nothing answered: no section (as on a server without slot stats).
        guard answers.contains(where: { $0.read.stats != nil }) else { return }
        hotSlots = slots.sorted { $0.slot < $1.slot }
        hotSlotOwners = owners
    }
}
