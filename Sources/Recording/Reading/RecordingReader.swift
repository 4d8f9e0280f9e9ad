// Reads a recording by time: its meta, nodes, sample windows with counters rebuilt, alerts, actions, events, channels, prefixes.

/// A recording opened for reading (read-only, version checked by ``SQLiteDatabase/openRecording(path:)``).
/// Every `t` is milliseconds since `startedAtMilliseconds`. Not shared between threads.
public final class RecordingReader {
    let database: SQLiteDatabase
    /// The `meta` table.
    public let meta: [String: String]
    public let nodes: [RecordedNode]

    /// Opens the recording at `path`.
    /// - Throws: ``RecordingFileError`` when it is not a recording or is too new; `SQLiteError` when a table is unreadable.
    public init(path: String) throws {
        database = try SQLiteDatabase.openRecording(path: path)
        do {
            meta = Dictionary(try database.rows("SELECT key, value FROM meta") { ($0.text(0) ?? "", $0.text(1) ?? "") }, uniquingKeysWith: { a, _ in a })
            nodes = try database.rows("SELECT node, address FROM nodes ORDER BY node") { RecordedNode(node: Int($0.integer(0)), address: $0.text(1) ?? "?") }
        } catch {
            throw RecordingFileError.notARecording(path: path, reason: "\(error)")
        }
    }

    /// Wall clock of `t = 0`, milliseconds since 1970.
    public var startedAtMilliseconds: Int64 { meta["started_at_ms"].flatMap { Int64($0) } ?? 0 }
    /// Milliseconds between samples, as the recorder was asked (1000 when not said).
    public var intervalMilliseconds: Int64 { meta["interval_ms"].flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 1000 }

    /// The first and last sample times; nil when the recording holds no sample.
    public func bounds() throws -> ClosedRange<Int64>? {
        let row = try database.rows("SELECT min(t), max(t), count(*) FROM samples") { ($0.integer(0), $0.integer(1), $0.integer(2)) }.first
        guard let row, row.2 > 0 else { return nil }
        return row.0...row.1
    }

    /// Samples with `from ≤ t ≤ through`, in time order, counters rebuilt into running totals:
    /// each node's totals start at 0 on its first row of the window and add the recorded
    /// increments; a NULL increment (unknown: a first sample, a failure, a restart) starts a new
    /// series, so that rates are never made across the gap.
    ///
    /// - Parameter previous: each node's last sample of the window before, when this window
    ///   continues it (a replay moving forward): totals and series carry on from there.
    public func samples(from: Int64, through: Int64, continuing previous: [Int: RecordedSample] = [:]) throws -> [RecordedSample] {
        var last = previous
        var nextSeries = previous.mapValues { $0.series + 1 }
        let sql = """
            SELECT t, node, latency_us, ops, hits, misses, evicted, expired, used_memory, clients, blocked, keys, error
            FROM samples WHERE t >= ? AND t <= ? ORDER BY t, node
            """
        return try database.rows(sql, [.integer(from), .integer(through)]) { row in
            let node = Int(row.integer(1))
            func optional(_ index: Int32) -> Int64? { row.isNull(index) ? nil : row.integer(index) }
            let increments = (3...7).map { optional(Int32($0)) }
            var sample = RecordedSample(
                t: row.integer(0), node: node, latencyMicroseconds: optional(2), ops: 0, hits: 0, misses: 0, evicted: 0, expired: 0, series: 0,
                usedMemory: optional(8), clients: optional(9), blocked: optional(10), keys: optional(11), error: row.text(12))
            if sample.error == nil, let previous = last[node], previous.error == nil, increments.allSatisfy({ $0 != nil }) {
                sample.series = previous.series
                sample.ops = previous.ops + increments[0]!
                sample.hits = previous.hits + increments[1]!
                sample.misses = previous.misses + increments[2]!
                sample.evicted = previous.evicted + increments[3]!
                sample.expired = previous.expired + increments[4]!
            } else {
                sample.series = nextSeries[node, default: 0]
                nextSeries[node] = sample.series + 1
            }
            last[node] = sample
            return sample
        }
    }

    /// Each node's state as last recorded at or before `t`.
    public func nodeStates(at t: Int64) throws -> [Int: RecordedNodeState] {
        let sql = """
            SELECT s.t, s.node, s.role, s.maxmemory, s.policy, s.server, s.version FROM node_states s
            WHERE s.t = (SELECT max(t) FROM node_states WHERE node = s.node AND t <= ?)
            """
        let states = try database.rows(sql, [.integer(t)]) { row in
            RecordedNodeState(
                t: row.integer(0), node: Int(row.integer(1)), role: row.text(2), maxmemory: row.isNull(3) ? nil : row.integer(3),
                policy: row.text(4), server: row.text(5), version: row.text(6))
        }
        return Dictionary(states.map { ($0.node, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every alert transition, in time order.
    public func alerts() throws -> [RecordedAlert] {
        try database.rows("SELECT t, node, rule, severity, state, detail FROM alerts ORDER BY t, rowid") { row in
            RecordedAlert(t: row.integer(0), node: row.isNull(1) ? nil : Int(row.integer(1)), rule: row.text(2) ?? "?", severity: row.text(3) ?? "?", state: row.text(4) ?? "?", detail: row.text(5))
        }
    }

    /// The moments of alert transitions, in order, without repeats (the timeline's marks, `t`'s targets).
    public func alertMoments() throws -> [Int64] {
        try database.rows("SELECT DISTINCT t FROM alerts ORDER BY t") { $0.integer(0) }
    }

    /// Actions and events with `t ≤ through`, newest last, at most `limit` of them.
    public func entries(through: Int64, limit: Int = 200) throws -> [RecordedEntry] {
        let sql = """
            SELECT * FROM (
              SELECT t, node, 0 AS source, action, target, keys, outcome, detail, rowid AS r FROM actions WHERE t <= ?1
              UNION ALL
              SELECT t, node, 1, kind, key, NULL, NULL, detail, rowid FROM events WHERE t <= ?1
              ORDER BY t DESC, source DESC, r DESC LIMIT ?2
            ) ORDER BY t, source, r
            """
        return try database.rows(sql, [.integer(through), .integer(Int64(limit))]) { row in
            RecordedEntry(
                t: row.integer(0), node: row.isNull(1) ? nil : Int(row.integer(1)), source: row.integer(2) == 0 ? .action : .event,
                kind: row.text(3) ?? "?", target: row.blob(4), keys: row.isNull(5) ? nil : row.integer(5), outcome: row.text(6), detail: row.text(7))
        }
    }

    /// Messages per channel over `from ≤ t ≤ through` (every node), most first.
    public func channels(from: Int64, through: Int64) throws -> [RecordedChannel] {
        let sql = "SELECT channel, sum(messages) AS n FROM channels WHERE t >= ? AND t <= ? GROUP BY channel ORDER BY n DESC, channel"
        return try database.rows(sql, [.integer(from), .integer(through)]) { RecordedChannel(channel: $0.blob(0) ?? [], messages: $0.integer(1)) }
    }

    /// The newest top-prefix list at or before `t` (per node), largest memory first.
    public func prefixes(at t: Int64) throws -> [RecordedPrefix] {
        let sql = """
            SELECT p.t, p.node, p.prefix, p.keys, p.memory, p.estimated FROM prefixes p
            WHERE p.t = (SELECT max(t) FROM prefixes WHERE node = p.node AND t <= ?) ORDER BY p.memory DESC, p.prefix
            """
        return try database.rows(sql, [.integer(t)]) { row in
            RecordedPrefix(t: row.integer(0), node: Int(row.integer(1)), prefix: row.blob(2) ?? [], keys: row.integer(3), memory: row.integer(4), estimated: row.integer(5) != 0)
        }
    }
}
