// Two moments of one recording compared: the nodes' figures at each, the top prefixes, and what happened between.
import Inspector

extension RecordingReader {
    /// What changed from moment `a` to moment `b` (recording times, `a ≤ b`): each node's role,
    /// limit and policy, memory, keys, clients, rates and latency as at each moment (the last
    /// sample at or before it), the top prefixes nearest each moment, and the alerts, actions and
    /// events between them, with the evictions and expirations counted over the span.
    public func diff(from a: Int64, to b: Int64, before beforeLabel: String, after afterLabel: String) throws -> DiffReport {
        var rows: [DiffRow] = []
        var notes: [String] = []
        let name = Dictionary(nodes.map { ($0.node, $0.address) }, uniquingKeysWith: { x, _ in x })
        func address(_ node: Int?) -> String? { node.map { name[$0] ?? "node \($0)" } }
        let (samplesA, samplesB) = (try recentSamples(at: a), try recentSamples(at: b))
        let (statesA, statesB) = (try nodeStates(at: a), try nodeStates(at: b))
        for node in nodes.map(\.node) {
            let figuresA = samplesA[node].map(MomentFigures.init)
            let figuresB = samplesB[node].map(MomentFigures.init)
            let label = address(node)
            switch (figuresA, figuresB) {
            case (nil, nil): continue
            case (nil, .some): rows.append(DiffRow(section: .topology, node: label, name: "node", before: nil, after: statesB[node]?.role ?? "up", change: "added"))
            case (.some, nil): rows.append(DiffRow(section: .topology, node: label, name: "node", before: statesA[node]?.role ?? "up", after: nil, change: "gone"))
            case (let x?, let y?): rows += x.diffRows(to: y, node: label)
            }
            let (sa, sb) = (statesA[node], statesB[node])
            let primary: Set<String> = ["master", "primary"]
            let failover = sa?.role != nil && sb?.role != nil && primary.contains(sa!.role!) != primary.contains(sb!.role!)
            rows += [
                DiffRow.text(.topology, node: label, name: "role", before: sa?.role, after: sb?.role, note: failover ? "failover" : nil),
                DiffRow.text(.config, node: label, name: "maxmemory", before: sa?.maxmemory.map(String.init), after: sb?.maxmemory.map(String.init)),
                DiffRow.text(.config, node: label, name: "maxmemory-policy", before: sa?.policy, after: sb?.policy),
                DiffRow.text(.config, node: label, name: "version", before: sa?.version, after: sb?.version),
            ].compactMap { $0 }
        }
        rows += try prefixRows(a, b, address: address)
        rows += try spanRows(a, b, address: address)
        let events = try eventRows(a, b, address: address)
        rows += events.rows
        if events.truncated { notes.append("more actions and events between the moments than shown: the earliest are left out") }
        return DiffReport(before: beforeLabel, after: afterLabel, seconds: Double(b - a) / 1000, rows: rows, notes: notes)
    }

    /// The keys index's top prefixes nearest each moment, node by node.
    func prefixRows(_ a: Int64, _ b: Int64, address: (Int?) -> String?) throws -> [DiffRow] {
        let (before, after) = (try prefixes(at: a), try prefixes(at: b))
        var rows: [DiffRow] = []
        for node in Set(before.map(\.node)).union(after.map(\.node)).sorted() {
            let old = Dictionary(before.filter { $0.node == node }.map { ($0.prefix, $0) }, uniquingKeysWith: { x, _ in x })
            let new = Dictionary(after.filter { $0.node == node }.map { ($0.prefix, $0) }, uniquingKeysWith: { x, _ in x })
            let order = before.filter { $0.node == node }.map(\.prefix) + after.filter { $0.node == node && old[$0.prefix] == nil }.map(\.prefix)
            for prefix in order {
                let (x, y) = (old[prefix], new[prefix])
                let note = (x?.estimated ?? false) || (y?.estimated ?? false) ? "estimated" : nil
                let text = String(decoding: prefix, as: UTF8.self)
                rows += [
                    DiffRow.figure(.memory, node: address(node), name: text, before: x.map { Double($0.memory) }, after: y.map { Double($0.memory) }, unit: .bytes, note: note),
                    DiffRow.figure(.keys, node: address(node), name: text, before: x.map { Double($0.keys) }, after: y.map { Double($0.keys) }, unit: .count, note: note),
                ].compactMap { $0 }
            }
        }
        return rows
    }

    /// Commands, evictions and expirations counted from one moment to the other.
    func spanRows(_ a: Int64, _ b: Int64, address: (Int?) -> String?) throws -> [DiffRow] {
        guard b > a else { return [] }
        let span = try samples(from: a, through: b)
        var rows: [DiffRow] = []
        for (node, samples) in Dictionary(grouping: span, by: \.node).sorted(by: { $0.key < $1.key }) {
            // Each series' totals start at 0: the span's total is the sum of each series' last.
            let last = Dictionary(samples.map { ($0.series, $0) }, uniquingKeysWith: { _, y in y }).values
            let gaps = Set(samples.map(\.series)).count > 1 ? "not counting gaps (failures, restarts)" : nil
            for (label, total) in [
                ("commands between", last.map(\.ops).reduce(0, +)), ("evictions between", last.map(\.evicted).reduce(0, +)), ("expirations between", last.map(\.expired).reduce(0, +)),
            ] where total > 0 {
                rows.append(DiffRow(section: .events, node: address(node), name: label, before: nil, after: String(total), change: "+\(total)", delta: Double(total), note: gaps))
            }
        }
        return rows
    }

    /// Alert transitions, actions and events with `a < t ≤ b`, in time order.
    func eventRows(_ a: Int64, _ b: Int64, address: (Int?) -> String?) throws -> (rows: [DiffRow], truncated: Bool) {
        let limit = 200
        let entries = try entries(through: b, limit: limit)
        let truncated = entries.count == limit && (entries.first?.t ?? 0) > a
        let clock = { (t: Int64) in RecordingMoment.clock(self.startedAtMilliseconds + t) }
        var timed: [(t: Int64, row: DiffRow)] = try alerts().filter { $0.t > a && $0.t <= b }.map { alert in
            (alert.t, DiffRow(section: .events, node: address(alert.node), name: "\(clock(alert.t)) alert \(alert.rule)", before: nil, after: alert.state, change: alert.severity, note: alert.detail))
        }
        for entry in entries where entry.t > a {
            let target = entry.target.map { " " + String(decoding: $0, as: UTF8.self) } ?? ""
            let after = entry.source == .action ? [entry.outcome, entry.keys.map { "\($0) keys" }].compactMap { $0 }.joined(separator: ", ") : entry.detail
            timed.append(
                (
                    entry.t,
                    DiffRow(
                        section: .events, node: address(entry.node), name: "\(clock(entry.t)) \(entry.kind)\(target)", before: nil, after: after, change: entry.source == .action ? "action" : "event",
                        note: entry.source == .action ? entry.detail : nil)
                ))
        }
        return (timed.enumerated().sorted { ($0.element.t, $0.offset) < ($1.element.t, $1.offset) }.map(\.element.row), truncated)
    }
}
