import Foundation

/// A headless report of every node's figures and alerts: what `cachescope snapshot` prints,
/// as text for people or JSON for scripts.
public struct HealthReport: Sendable, Codable, Equatable {
    /// One node's figures. Rates are over the interval between the two samples.
    public struct Node: Sendable, Codable, Equatable {
        public var address: String
        public var reachable: Bool
        public var error: String?
        public var role: String?
        public var version: String?
        public var uptimeSeconds: Int64?
        public var latencyMilliseconds: Double?
        public var opsPerSecond: Double?
        public var hitsPerSecond: Double?
        public var missesPerSecond: Double?
        /// Hit ratio over the interval; nil when there were no lookups in it.
        public var hitRatio: Double?
        /// Hits and misses as the server counts them since start (or `CONFIG RESETSTAT`).
        public var keyspaceHits: Int64?
        public var keyspaceMisses: Int64?
        /// `keyspace_hits / (keyspace_hits + keyspace_misses)`: the server's own figure.
        public var lifetimeHitRatio: Double?
        public var evictionsPerSecond: Double?
        public var expirationsPerSecond: Double?
        public var usedMemory: Int64?
        public var maxMemory: Int64?
        public var memoryFraction: Double?
        public var maxMemoryPolicy: String?
        public var fragmentationRatio: Double?
        public var connectedClients: Int64?
        public var blockedClients: Int64?
        public var keys: Int64?
        public var replicationLinkUp: Bool?
        public var persistenceOK: Bool?
        /// Calls and microseconds per command since start or `CONFIG RESETSTAT` (`INFO commandstats`).
        public var commandstats: [String: CommandTotals]?
        /// The parameters of ``SnapshotConfig/parameters`` as `CONFIG GET` gave them; nil when it was refused.
        public var config: [String: String]?

        public init(address: String, reachable: Bool = true) {
            self.address = address
            self.reachable = reachable
        }
    }

    /// One command's totals in a snapshot.
    public struct CommandTotals: Sendable, Codable, Equatable {
        public var calls: Int64
        public var usec: Int64

        public init(calls: Int64, usec: Int64) {
            self.calls = calls
            self.usec = usec
        }
    }

    /// One alert as the report shows it.
    public struct AlertEntry: Sendable, Codable, Equatable {
        public var rule: String
        public var node: String
        public var state: String
        public var severity: String
        public var summary: String
        public var value: Double?
    }

    public var takenAt: String
    public var intervalSeconds: Double
    public var nodes: [Node]
    public var alerts: [AlertEntry]

    /// Whether any node could not be reached (the snapshot exits non-zero then).
    public var anyUnreachable: Bool { nodes.contains { !$0.reachable } }

    /// A report from its parts (tests, and reports read back from JSON by other means).
    public init(takenAt: String, intervalSeconds: Double, nodes: [Node], alerts: [AlertEntry] = []) {
        self.takenAt = takenAt
        self.intervalSeconds = intervalSeconds
        self.nodes = nodes
        self.alerts = alerts
    }

    public init(nodes healths: [NodeHealth], alerts engine: AlertEngine, interval: Double, takenAt: Date = Date()) {
        self.takenAt = ISO8601DateFormatter().string(from: takenAt)
        self.intervalSeconds = interval
        self.nodes = healths.map { health in
            var node = Node(address: health.address, reachable: !health.isDown && health.latest != nil)
            if case .down(_, let error) = health.reachability { node.error = error }
            if let s = health.latest {
                node.role = s.role
                node.version = s.version
                node.uptimeSeconds = s.uptimeSeconds
                node.latencyMilliseconds = s.latency * 1000
                node.keyspaceHits = s.keyspaceHits
                node.keyspaceMisses = s.keyspaceMisses
                node.lifetimeHitRatio = s.lifetimeHitRatio
                node.usedMemory = s.usedMemory
                node.maxMemory = s.maxMemory
                node.memoryFraction = s.memoryFraction
                node.maxMemoryPolicy = s.maxMemoryPolicy
                node.fragmentationRatio = s.fragmentationRatio
                node.connectedClients = s.connectedClients
                node.blockedClients = s.blockedClients
                node.keys = s.totalKeys
                node.replicationLinkUp = s.replicationLinkUp
                node.persistenceOK = s.persistenceOK
                let commands = CommandStat.parse(s.info)
                if !commands.isEmpty {
                    node.commandstats = Dictionary(commands.map { ($0.name, CommandTotals(calls: $0.calls, usec: $0.microseconds)) }, uniquingKeysWith: { a, _ in a })
                }
            }
            if let r = health.rates {
                node.opsPerSecond = r.opsPerSecond
                node.hitsPerSecond = r.hitsPerSecond
                node.missesPerSecond = r.missesPerSecond
                node.hitRatio = r.hitRatio
                node.evictionsPerSecond = r.evictionsPerSecond
                node.expirationsPerSecond = r.expirationsPerSecond
            }
            return node
        }
        self.alerts = engine.activeAlerts.map {
            AlertEntry(rule: $0.rule.name, node: $0.node, state: $0.state.rawValue, severity: $0.rule.severity.rawValue, summary: $0.rule.summary, value: $0.value)
        }
    }

    /// The report as pretty-printed JSON with stable key order.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? String(data: encoder.encode(self), encoding: .utf8)) ?? "{}"
    }

    /// The report as aligned text for a terminal or an incident note.
    public func text() -> String {
        var lines = ["cachescope snapshot \(takenAt) (interval \(Formatting.duration(intervalSeconds)))", ""]
        let header = ["NODE", "ROLE", "OPS/S", "HIT% (INT)", "HIT% (ALL)", "MEMORY", "EVICT/S", "CLIENTS", "KEYS", "LATENCY"]
        var rows: [[String]] = []
        for n in nodes {
            guard n.reachable else {
                rows.append([n.address, "DOWN", n.error ?? "unreachable"])
                continue
            }
            let memory: String
            if let used = n.usedMemory {
                memory = Formatting.bytes(Double(used)) + (n.memoryFraction.map { " (\(Formatting.percent($0)))" } ?? "")
            } else {
                memory = "-"
            }
            rows.append([
                n.address, n.role ?? "-", n.opsPerSecond.map(Formatting.number) ?? "-",
                n.hitRatio.map { Formatting.percent($0) } ?? "-", n.lifetimeHitRatio.map { Formatting.percent($0) } ?? "-",
                memory, n.evictionsPerSecond.map(Formatting.number) ?? "-",
                n.connectedClients.map(String.init) ?? "-", n.keys.map(String.init) ?? "-",
                n.latencyMilliseconds.map { Formatting.milliseconds($0 / 1000) } ?? "-",
            ])
        }
        lines += Self.align([header] + rows)
        lines.append("")
        if alerts.isEmpty {
            lines.append("alerts: none")
        } else {
            lines.append("alerts:")
            for a in alerts {
                lines.append("  \(a.state.uppercased()) \(a.severity) \(a.rule) on \(a.node): \(a.summary)" + (a.value.map { " (now \(Formatting.number($0)))" } ?? ""))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Left-aligns columns; rows shorter than the header (a down node) keep their text whole.
    static func align(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows where row.count == columns {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: max(widths[i], cell.count), withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
