// Two `cachescope snapshot --json` reports compared node by node.
import Foundation

extension HealthReport {
    /// What changed from `self` to `after`, node by node (matched by address): nodes added and
    /// removed, roles (a failover), reachability, configuration, memory, keys, clients, calls per
    /// command, the rates, and alerts raised or gone.
    public func diff(to after: HealthReport, before beforeLabel: String, after afterLabel: String) -> DiffReport {
        var rows: [DiffRow] = []
        var notes: [String] = []
        let seconds = Self.seconds(from: takenAt, to: after.takenAt)
        let old = Dictionary(nodes.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.nodes.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        for node in nodes where new[node.address] == nil {
            rows.append(DiffRow(section: .topology, node: node.address, name: "node", before: node.role ?? "down", after: nil, change: "removed"))
        }
        for node in after.nodes where old[node.address] == nil {
            rows.append(DiffRow(section: .topology, node: node.address, name: "node", before: nil, after: node.role ?? "down", change: "added"))
        }
        for b in after.nodes {
            guard let a = old[b.address] else { continue }
            rows += Self.compare(a, b, seconds: seconds)
            if a.reachable, b.reachable, (a.config == nil) != (b.config == nil) {
                notes.append("\(b.address): only one side holds the configuration (CONFIG refused, or a snapshot from an older cachescope)")
            }
            if a.reachable, b.reachable, (a.commandstats == nil) != (b.commandstats == nil) {
                notes.append("\(b.address): only one side holds calls per command (a snapshot from an older cachescope): not compared")
            }
        }
        let alertsBefore = Set(alerts.map { "\($0.rule)|\($0.node)|\($0.state)" })
        let alertsAfter = Set(after.alerts.map { "\($0.rule)|\($0.node)|\($0.state)" })
        for alert in alerts where !alertsAfter.contains("\(alert.rule)|\(alert.node)|\(alert.state)") {
            rows.append(DiffRow(section: .events, node: alert.node, name: "alert \(alert.rule)", before: alert.state, after: nil, change: "gone", note: alert.summary))
        }
        for alert in after.alerts where !alertsBefore.contains("\(alert.rule)|\(alert.node)|\(alert.state)") {
            rows.append(DiffRow(section: .events, node: alert.node, name: "alert \(alert.rule)", before: nil, after: alert.state, change: "raised", note: alert.summary))
        }
        return DiffReport(before: beforeLabel, after: afterLabel, seconds: seconds, rows: rows, notes: notes)
    }

    /// One node on both sides.
    static func compare(_ a: Node, _ b: Node, seconds: Double?) -> [DiffRow] {
        let node = b.address
        var rows: [DiffRow] = []
        if a.reachable != b.reachable {
            rows.append(
                DiffRow(
                    section: .topology, node: node, name: "reachable", before: a.reachable ? "up" : "down", after: b.reachable ? "up" : "down", change: b.reachable ? "back" : "down",
                    note: b.error ?? a.error))
        }
        guard a.reachable, b.reachable else { return rows }
        let primary: Set<String> = ["master", "primary"]
        let failover = a.role != nil && b.role != nil && primary.contains(a.role!) != primary.contains(b.role!)
        rows += [DiffRow.text(.topology, node: node, name: "role", before: a.role, after: b.role, note: failover ? "failover" : nil)].compactMap { $0 }
        if let ca = a.config, let cb = b.config {
            for name in Set(ca.keys).union(cb.keys).sorted() {
                if let row = DiffRow.text(.config, node: node, name: name, before: ca[name], after: cb[name]) { rows.append(row) }
            }
        } else {
            // Without CONFIG, INFO still says the limit and the policy.
            rows += [
                DiffRow.text(.config, node: node, name: "maxmemory-policy", before: a.maxMemoryPolicy, after: b.maxMemoryPolicy),
                DiffRow.text(.config, node: node, name: "maxmemory", before: a.maxMemory.map(String.init) ?? "0", after: b.maxMemory.map(String.init) ?? "0"),
            ].compactMap { $0 }
        }
        let memoryNote = b.memoryFraction.map { "\(Formatting.percent($0)) of maxmemory after" }
        rows += [
            DiffRow.figure(.memory, node: node, name: "used memory", before: a.usedMemory.map(Double.init), after: b.usedMemory.map(Double.init), unit: .bytes, note: memoryNote),
            DiffRow.figure(.keys, node: node, name: "keys", before: a.keys.map(Double.init), after: b.keys.map(Double.init), unit: .count),
            DiffRow.figure(.clients, node: node, name: "connected clients", before: a.connectedClients.map(Double.init), after: b.connectedClients.map(Double.init), unit: .count),
            DiffRow.figure(.clients, node: node, name: "blocked clients", before: a.blockedClients.map(Double.init), after: b.blockedClients.map(Double.init), unit: .count),
            DiffRow.figure(.figures, node: node, name: "ops/s", before: a.opsPerSecond, after: b.opsPerSecond, unit: .perSecond),
            DiffRow.figure(.figures, node: node, name: "hit ratio", before: a.hitRatio, after: b.hitRatio, unit: .ratio),
            DiffRow.figure(.figures, node: node, name: "evictions/s", before: a.evictionsPerSecond, after: b.evictionsPerSecond, unit: .perSecond),
            DiffRow.figure(.figures, node: node, name: "expirations/s", before: a.expirationsPerSecond, after: b.expirationsPerSecond, unit: .perSecond),
            DiffRow.figure(.figures, node: node, name: "latency", before: a.latencyMilliseconds.map { $0 / 1000 }, after: b.latencyMilliseconds.map { $0 / 1000 }, unit: .milliseconds),
        ].compactMap { $0 }
        // A side without commandstats (a snapshot from an older cachescope) has nothing to subtract.
        if let before = a.commandstats, let now = b.commandstats { rows += commands(before, now, node: node, seconds: seconds) }
        return rows
    }

    /// Calls per command between the two sides, with the rate and the time per call; a count
    /// that went down (a restart, `CONFIG RESETSTAT`) counts the calls since.
    public static func commands(_ a: [String: CommandTotals], _ b: [String: CommandTotals], node: String, seconds: Double?) -> [DiffRow] {
        var rows: [DiffRow] = []
        for name in Set(a.keys).union(b.keys).sorted() {
            let before = a[name] ?? CommandTotals(calls: 0, usec: 0)
            guard let now = b[name] else { continue }  // gone from the list: a CONFIG RESETSTAT
            guard now.calls != before.calls else { continue }
            let reset = now.calls < before.calls
            let calls = reset ? now.calls : now.calls - before.calls
            let usec = reset ? now.usec : now.usec - before.usec
            let perCall = calls > 0 ? Double(usec) / Double(calls) : 0
            var note = calls == 0 ? "" : perCall >= 1000 ? Formatting.milliseconds(perCall / 1_000_000) + "/call" : String(format: "%.1fµs/call", perCall)
            if let seconds, seconds > 0, !reset { note = "\(Formatting.number(Double(calls) / seconds))/s · " + note }
            if reset { note = "counters reset between the sides; calls since · " + note }
            rows.append(
                DiffRow(
                    section: .commands, node: node, name: name, before: String(before.calls), after: String(now.calls), change: "+\(calls) calls",
                    delta: Double(calls), note: note, beforeValue: Double(before.calls), afterValue: Double(now.calls)))
        }
        return rows
    }

    /// Seconds between two ISO 8601 times; nil when either does not parse.
    static func seconds(from a: String, to b: String) -> Double? {
        let format = ISO8601DateFormatter()
        guard let x = format.date(from: a), let y = format.date(from: b) else { return nil }
        return y.timeIntervalSince(x)
    }
}
