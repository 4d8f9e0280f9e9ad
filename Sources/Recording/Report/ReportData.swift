/// What a report shows, read from a recording between two moments: every node's samples, alert
/// transitions, actions, events and the top prefixes at the start and at the end.
public struct ReportData: Sendable {
    /// One sample of one node; counters are increments since the node's previous sample.
    public struct Sample: Sendable, Equatable {
        public var t: Int64
        public var latencyMicroseconds: Int64?
        public var ops: Int64?
        public var hits: Int64?
        public var misses: Int64?
        public var evicted: Int64?
        public var usedMemory: Int64?
        public var error: String?
    }

    /// A node with its samples and its maxmemory changes (t, bytes; 0 = no limit).
    public struct Node: Sendable {
        public var id: Int64
        public var address: String
        public var role: String?
        public var samples: [Sample] = []
        public var maxmemory: [(t: Int64, bytes: Int64)] = []
    }

    /// A row of `alerts`, `actions` or `events`, shaped for the report's tables.
    public struct Entry: Sendable, Equatable {
        public var t: Int64
        public var node: Int64?
        public var kind: String
        public var subject: [UInt8]?
        public var state: String
        public var detail: String?
        public var count: Int64?
        /// Alerts only: the rule's severity.
        public var severity: String? = nil
    }

    /// One prefix row of the index.
    public struct Prefix: Sendable, Equatable {
        public var prefix: [UInt8]
        public var keys: Int64
        public var memory: Int64
        public var estimated: Bool
    }

    /// Wall clock of `t = 0`, milliseconds since 1970.
    public var startedAtMilliseconds: Int64
    public var label: String
    /// The window shown, in recording milliseconds.
    public var from: Int64
    public var to: Int64
    public var nodes: [Node]
    /// Alert transitions: `kind` is the rule, `state` firing/resolved, `subject` nil.
    public var alerts: [Entry]
    /// Alert transitions before the window, so that an alert firing when it opens is shaded from its start.
    public var alertsBefore: [Entry]
    /// Actions: `kind` is the action, `subject` the target, `state` the outcome, `count` the keys.
    public var actions: [Entry]
    /// Events: `kind` is the event's kind, `subject` the key, `state` empty.
    public var events: [Entry]
    public var prefixesAtStart: [Prefix]
    public var prefixesAtEnd: [Prefix]
}

extension ReportData {
    /// Reads the recording `database` between `from` and `to` (recording milliseconds, inclusive;
    /// nil: its start or end).
    public static func load(_ database: SQLiteDatabase, from: Int64? = nil, to: Int64? = nil) throws -> ReportData {
        let meta = Dictionary(
            try database.rows("SELECT key, value FROM meta") { ($0.text(0) ?? "", $0.text(1) ?? "") }, uniquingKeysWith: { a, _ in a })
        // The recording ends with its last row of any kind (its "stopped" event comes after the last sample).
        let lastT =
            try database.rows(
                """
                SELECT max(t) FROM (SELECT max(t) AS t FROM samples UNION ALL SELECT max(t) FROM alerts
                UNION ALL SELECT max(t) FROM actions UNION ALL SELECT max(t) FROM events)
                """
            ) { $0.integer(0) }.first ?? 0
        let lower = from ?? 0
        let upper = to ?? max(lastT, lower)
        let window: [SQLiteValue] = [.integer(lower), .integer(upper)]
        var nodes = try database.rows("SELECT node, address FROM nodes ORDER BY node") { Node(id: $0.integer(0), address: $0.text(1) ?? "") }
        var index: [Int64: Int] = [:]
        for (i, n) in nodes.enumerated() { index[n.id] = i }
        let sampleSQL = """
            SELECT t, node, latency_us, ops, hits, misses, evicted, used_memory, error FROM samples
            WHERE t BETWEEN ? AND ? ORDER BY t
            """
        let statement = try database.prepare(sampleSQL)
        try statement.bind(window)
        while try statement.step() {
            func optional(_ column: Int32) -> Int64? { statement.isNull(column) ? nil : statement.integer(column) }
            let sample = Sample(
                t: statement.integer(0), latencyMicroseconds: optional(2), ops: optional(3), hits: optional(4), misses: optional(5),
                evicted: optional(6), usedMemory: optional(7), error: statement.text(8))
            guard let i = index[statement.integer(1)] else { continue }
            nodes[i].samples.append(sample)
        }
        // The state in force at the window's start counts too: the last change before it.
        let states = try database.rows(
            "SELECT t, node, role, maxmemory FROM node_states WHERE t <= ? ORDER BY t", [.integer(upper)]
        ) { ($0.integer(0), $0.integer(1), $0.text(2), $0.isNull(3) ? nil : $0.integer(3)) }
        for (t, node, role, maxmemory) in states {
            guard let i = index[node] else { continue }
            if let role { nodes[i].role = role }
            if let maxmemory { nodes[i].maxmemory.append((t: max(t, lower), bytes: maxmemory)) }
        }
        let alertSQL = "SELECT t, node, rule, severity, state, detail FROM alerts WHERE t BETWEEN ? AND ? ORDER BY t"
        func alert(_ s: SQLiteStatement) -> Entry {
            Entry(
                t: s.integer(0), node: s.isNull(1) ? nil : s.integer(1), kind: s.text(2) ?? "", subject: nil, state: s.text(4) ?? "", detail: s.text(5),
                severity: s.text(3))
        }
        let alerts = try database.rows(alertSQL, window, alert)
        let before = try database.rows("SELECT t, node, rule, severity, state, detail FROM alerts WHERE t < ? ORDER BY t", [.integer(lower)], alert)
        let actions = try database.rows(
            "SELECT t, node, action, target, keys, outcome, detail FROM actions WHERE t BETWEEN ? AND ? ORDER BY t", window
        ) { s in
            Entry(
                t: s.integer(0), node: s.isNull(1) ? nil : s.integer(1), kind: s.text(2) ?? "", subject: s.blob(3), state: s.text(5) ?? "",
                detail: s.text(6), count: s.isNull(4) ? nil : s.integer(4))
        }
        let events = try database.rows("SELECT t, node, kind, key, detail FROM events WHERE t BETWEEN ? AND ? ORDER BY t", window) { s in
            Entry(t: s.integer(0), node: s.isNull(1) ? nil : s.integer(1), kind: s.text(2) ?? "", subject: s.blob(3), state: "", detail: s.text(4))
        }
        return ReportData(
            startedAtMilliseconds: Int64(meta["started_at_ms"] ?? "") ?? 0, label: meta["label"] ?? "", from: lower, to: upper,
            nodes: nodes, alerts: alerts, alertsBefore: before, actions: actions, events: events,
            prefixesAtStart: try prefixes(database, at: lower, first: true, upper: upper),
            prefixesAtEnd: try prefixes(database, at: upper, first: false, upper: upper))
    }

    /// The index's prefixes (all nodes summed) of the first listing at or after `at` (`first`)
    /// or the last at or before it, largest memory first.
    static func prefixes(_ database: SQLiteDatabase, at: Int64, first: Bool, upper: Int64) throws -> [Prefix] {
        let pick =
            first
            ? "SELECT min(t) FROM prefixes WHERE t >= ? AND t <= \(upper)"
            : "SELECT max(t) FROM prefixes WHERE t <= ?"
        guard let moment = try database.rows(pick, [.integer(at)], { $0.isNull(0) ? nil : $0.integer(0) }).first ?? nil else { return [] }
        return try database.rows(
            """
            SELECT prefix, sum(keys), sum(memory), max(estimated) FROM prefixes
            WHERE t BETWEEN ? AND ? GROUP BY prefix ORDER BY sum(memory) DESC, prefix LIMIT 15
            """,
            // One listing a minute: rows of the nodes written within a second belong together.
            [.integer(moment), .integer(moment + 999)]
        ) { Prefix(prefix: $0.blob(0) ?? [], keys: $0.integer(1), memory: $0.integer(2), estimated: $0.integer(3) != 0) }
    }
}
