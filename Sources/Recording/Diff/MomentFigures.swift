// A node's figures at one moment of a recording, from its last samples up to that moment.
import Inspector

/// What a node looked like at a moment: its last sample's gauges, and rates over the samples of
/// the same series before it (the window ``RecordingReader/recentSamples(at:samples:)`` reads).
struct MomentFigures {
    var usedMemory: Int64?
    var keys: Int64?
    var clients: Int64?
    var blocked: Int64?
    var latency: Double?
    var opsPerSecond: Double?
    var hitRatio: Double?
    var evictionsPerSecond: Double?
    var error: String?

    /// From a node's samples, oldest first; the last one is the moment's.
    init(_ samples: [RecordedSample]) {
        let last = samples.last!
        error = last.error
        usedMemory = last.usedMemory
        keys = last.keys
        clients = last.clients
        blocked = last.blocked
        latency = last.latencyMicroseconds.map { Double($0) / 1_000_000 }
        guard last.error == nil, let first = samples.first(where: { $0.series == last.series && $0.error == nil }), last.t > first.t else { return }
        let seconds = Double(last.t - first.t) / 1000
        opsPerSecond = Double(last.ops - first.ops) / seconds
        evictionsPerSecond = Double(last.evicted - first.evicted) / seconds
        let lookups = (last.hits - first.hits) + (last.misses - first.misses)
        hitRatio = lookups > 0 ? Double(last.hits - first.hits) / Double(lookups) : nil
    }

    /// The rows that changed from `self` to `after`.
    func diffRows(to after: MomentFigures, node: String?) -> [DiffRow] {
        var rows: [DiffRow?] = []
        if (error == nil) != (after.error == nil) {
            rows.append(
                DiffRow(
                    section: .topology, node: node, name: "reachable", before: error == nil ? "up" : "down", after: after.error == nil ? "up" : "down", change: after.error == nil ? "back" : "down",
                    note: after.error ?? error))
        }
        func value(_ x: Int64?) -> Double? { x.map(Double.init) }
        rows += [
            .figure(.memory, node: node, name: "used memory", before: value(usedMemory), after: value(after.usedMemory), unit: .bytes),
            .figure(.keys, node: node, name: "keys", before: value(keys), after: value(after.keys), unit: .count),
            .figure(.clients, node: node, name: "connected clients", before: value(clients), after: value(after.clients), unit: .count),
            .figure(.clients, node: node, name: "blocked clients", before: value(blocked), after: value(after.blocked), unit: .count),
            .figure(.figures, node: node, name: "ops/s", before: opsPerSecond, after: after.opsPerSecond, unit: .perSecond),
            .figure(.figures, node: node, name: "hit ratio", before: hitRatio, after: after.hitRatio, unit: .ratio),
            .figure(.figures, node: node, name: "evictions/s", before: evictionsPerSecond, after: after.evictionsPerSecond, unit: .perSecond),
            .figure(.figures, node: node, name: "latency", before: latency, after: after.latency, unit: .milliseconds),
        ]
        return rows.compactMap { $0 }
    }
}
