/// The prepared inserts of a recording's writer, one per table.
final class RecordingStatements {
    private let node: SQLiteStatement
    private let sample: SQLiteStatement
    private let nodeState: SQLiteStatement
    private let alert: SQLiteStatement
    private let action: SQLiteStatement
    private let event: SQLiteStatement
    private let channel: SQLiteStatement
    private let prefix: SQLiteStatement

    init(_ database: SQLiteDatabase) throws {
        node = try database.prepare("INSERT OR IGNORE INTO nodes (node, address, first_t) VALUES (?, ?, ?)")
        // OR REPLACE: two samples of a node in one millisecond keep the newer (the key is (t, node)).
        sample = try database.prepare(
            """
            INSERT OR REPLACE INTO samples (t, node, latency_us, ops, hits, misses, evicted, expired, used_memory, clients, blocked, keys, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        nodeState = try database.prepare(
            "INSERT OR REPLACE INTO node_states (t, node, role, maxmemory, policy, server, version) VALUES (?, ?, ?, ?, ?, ?, ?)")
        alert = try database.prepare("INSERT INTO alerts (t, node, rule, severity, state, detail) VALUES (?, ?, ?, ?, ?, ?)")
        action = try database.prepare("INSERT INTO actions (t, node, action, target, keys, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
        event = try database.prepare("INSERT INTO events (t, node, kind, key, detail) VALUES (?, ?, ?, ?, ?)")
        channel = try database.prepare("INSERT INTO channels (t, node, channel, messages) VALUES (?, ?, ?, ?)")
        prefix = try database.prepare("INSERT INTO prefixes (t, node, prefix, keys, memory, estimated) VALUES (?, ?, ?, ?, ?, ?)")
    }

    func insert(_ row: RecordingRow) throws {
        switch row {
        case .node(let number, let address, let t):
            try node.run([.integer(Int64(number)), .text(address), .integer(t)])
        case .sample(let s):
            try sample.run([
                .integer(s.t), .integer(Int64(s.node)), int(s.latencyMicroseconds), int(s.ops), int(s.hits), int(s.misses),
                int(s.evicted), int(s.expired), int(s.usedMemory), int(s.clients), int(s.blocked), int(s.keys), text(s.error),
            ])
        case .nodeState(let s):
            try nodeState.run([.integer(s.t), .integer(Int64(s.node)), .text(s.role), .integer(s.maxmemory), text(s.policy), .text(s.server), .text(s.version)])
        case .alert(let t, let node, let rule, let severity, let state, let detail):
            try alert.run([.integer(t), int(node.map(Int64.init)), .text(rule), .text(severity), .text(state), text(detail)])
        case .action(let t, let node, let name, let target, let keys, let outcome, let detail):
            try action.run([.integer(t), int(node.map(Int64.init)), .text(name), blob(target), int(keys), .text(outcome), text(detail)])
        case .event(let t, let node, let kind, let key, let detail):
            try event.run([.integer(t), int(node.map(Int64.init)), .text(kind), blob(key), text(detail)])
        case .channel(let t, let node, let name, let messages):
            try channel.run([.integer(t), .integer(Int64(node)), .blob(name), .integer(messages)])
        case .prefix(let t, let node, let name, let keys, let memory, let estimated):
            try prefix.run([.integer(t), .integer(Int64(node)), .blob(name), .integer(keys), .integer(memory), .integer(estimated ? 1 : 0)])
        }
    }

    private func int(_ value: Int64?) -> SQLiteValue { value.map { .integer($0) } ?? .null }
    private func text(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }
    private func blob(_ value: [UInt8]?) -> SQLiteValue { value.map { .blob($0) } ?? .null }
}
