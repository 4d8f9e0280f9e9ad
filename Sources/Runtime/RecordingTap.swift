import AppCore
import Inspector
import Recording
import Synchronization

/// Turns the runtime's messages into a recording's rows: the recorder is one more consumer of
/// the loop. Called by ``AppRuntime`` after each update with the message and the new state; it
/// keeps only what it needs to write increments and changes (previous counters, node states,
/// firing alerts). Never a value, a payload or a password: payloads are only counted.
struct RecordingTap {
    let writer: RecordingWriter
    private var previous: [Int: NodeSample] = [:]
    private var states: [Int: NodeStateRow] = [:]
    private var knownNodes = 0
    /// Channel messages of the current second, per node and channel.
    private var channelSecond: Int64 = -1
    private var channelCounts: [Int: [[UInt8]: Int64]] = [:]
    private var lastPrefixes: Int64 = -60_000
    /// The nodes' addresses, for the audit log's observer (which runs off the loop).
    let addresses = NodeAddresses()

    init(writer: RecordingWriter) { self.writer = writer }

    /// Stops recording: commits what is queued and closes the file.
    mutating func close() {
        writer.append(flushChannels())
        writer.close()
    }

    /// The firing alerts, by id, before an update (to diff with the state after it).
    static func firing(_ state: AppState) -> [String: Alert] {
        state.alerts.active.filter { $0.value.state == .firing }
    }

    /// The rows for `message`, given the firing alerts before it and the state after it.
    mutating func observe(_ message: AppMessage, firingBefore: [String: Alert], state: AppState, wallMilliseconds: Int64) {
        let t = writer.t(wallMilliseconds: wallMilliseconds)
        var rows: [RecordingRow] = []
        rows += newNodes(state, t: t)
        switch message {
        case .sampled(let node, let outcome):
            rows += sampled(node: node, outcome: outcome, t: t)
            rows += alertTransitions(before: firingBefore, after: Self.firing(state), state: state, t: t)
            rows += prefixes(state, t: t)
        case .clusterChanged(let overview, let added):
            let failed = overview.failedAddresses
            var detail = "\(overview.primaryCount) primaries, \(overview.nodes.count) nodes, \(overview.coveredSlots) slots covered"
            if !added.isEmpty { detail += "; added \(added.joined(separator: ", "))" }
            if !failed.isEmpty { detail += "; failed \(failed.joined(separator: ", "))" }
            rows.append(.event(t: t, node: nil, kind: "topology", key: nil, detail: detail))
        case .sentinelChanged(let overview, let added):
            var detail = "\(overview.masterName): primary \(overview.primaryAddress), \(overview.replicas.count) replicas"
            if let failover = overview.failoverState { detail += ", failover \(failover)" }
            if !added.isEmpty { detail += "; added \(added.joined(separator: ", "))" }
            rows.append(.event(t: t, node: nil, kind: "failover", key: nil, detail: detail))
        case .sentinelEvents(let events):
            for event in events {
                rows.append(.event(t: writer.t(wallMilliseconds: event.wallMilliseconds), node: nil, kind: "sentinel", key: nil, detail: "\(event.name) \(event.detail)"))
            }
        case .pubsubReceived(let node, let batch, _):
            rows += channels(node: node, batch: batch, t: t)
        default:
            rows += alertTransitions(before: firingBefore, after: Self.firing(state), state: state, t: t)
        }
        writer.append(rows)
    }

    /// Rows for an audit entry of the mutation path (what was asked and how it ended); `node` is
    /// the entry's node's number.
    static func action(_ entry: AuditEntry, node: Int?, writer: RecordingWriter, wallMilliseconds: Int64) {
        let outcome: String =
            if entry.result == "ok" { "done" } else if entry.result.hasPrefix("refused") { "refused" } else if entry.result.hasPrefix("partial") { "partial" } else { "failed" }
        var detail = entry.detail ?? ""
        if outcome != "done" { detail += (detail.isEmpty ? "" : "; ") + entry.result }
        writer.append([
            .action(
                t: writer.t(wallMilliseconds: wallMilliseconds), node: node, action: entry.command.lowercased(),
                target: entry.pattern ?? entry.keys.first, keys: Int64(entry.keyCount), outcome: outcome, detail: detail.isEmpty ? nil : detail)
        ])
    }

    private mutating func newNodes(_ state: AppState, t: Int64) -> [RecordingRow] {
        guard state.nodes.count > knownNodes else { return [] }
        defer {
            knownNodes = state.nodes.count
            addresses.set(state.nodes.map(\.address))
        }
        return (knownNodes..<state.nodes.count).map { .node(node: $0, address: state.nodes[$0].address, t: t) }
    }

    private mutating func sampled(node: Int, outcome: SampleOutcome, t: Int64) -> [RecordingRow] {
        switch outcome {
        case .failure(let error, _):
            previous[node] = nil
            return [.sample(SampleRow(t: t, node: node, error: error))]
        case .sample(let sample):
            let before = previous[node]
            // A restart (uptime went back, or a new run id) makes every counter unknown once.
            let continuous = before.map { $0.uptimeSeconds <= sample.uptimeSeconds && $0.runID == sample.runID } ?? false
            func delta(_ counter: (NodeSample) -> Int64) -> Int64? {
                guard continuous, let before else { return nil }
                let value = counter(sample) - counter(before)
                return value >= 0 ? value : nil
            }
            previous[node] = sample
            var rows: [RecordingRow] = [
                .sample(
                    SampleRow(
                        t: t, node: node, latencyMicroseconds: Int64((sample.latency * 1_000_000).rounded()), ops: delta(\.totalCommands),
                        hits: delta(\.keyspaceHits), misses: delta(\.keyspaceMisses), evicted: delta(\.evictedKeys), expired: delta(\.expiredKeys),
                        usedMemory: sample.usedMemory, clients: sample.connectedClients, blocked: sample.blockedClients, keys: sample.totalKeys))
            ]
            let state = NodeStateRow(
                t: t, node: node, role: sample.role, maxmemory: sample.maxMemory ?? 0, policy: sample.maxMemoryPolicy, server: sample.serverName,
                version: sample.version)
            if states[node].map({ !$0.sameState(as: state) }) ?? true {
                states[node] = state
                rows.append(.nodeState(state))
            }
            return rows
        }
    }

    private func alertTransitions(before: [String: Alert], after: [String: Alert], state: AppState, t: Int64) -> [RecordingRow] {
        func row(_ alert: Alert, _ transition: String) -> RecordingRow {
            let value = alert.value.map { " value \(($0 * 1000).rounded() / 1000)" } ?? ""
            return .alert(
                t: t, node: state.nodes.firstIndex { $0.address == alert.node }, rule: alert.rule.name, severity: alert.rule.severity.rawValue,
                state: transition, detail: "\(alert.node):\(value) (threshold \(alert.rule.threshold))")
        }
        var rows: [RecordingRow] = []
        for id in after.keys.sorted() where before[id] == nil { rows.append(row(after[id]!, "firing")) }
        for id in before.keys.sorted() where after[id] == nil {
            // Resolved: the engine keeps it in `resolved` with its last value.
            let alert = state.alerts.resolved.last { $0.id == id } ?? before[id]!
            rows.append(row(alert, "resolved"))
        }
        return rows
    }

    /// Messages per channel, one row per node, channel and second (the second just finished).
    private mutating func channels(node: Int, batch: ReceivedMessages, t: Int64) -> [RecordingRow] {
        var rows: [RecordingRow] = []
        let second = t / 1000
        if second != channelSecond {
            rows = flushChannels()
            channelSecond = second
        }
        for (channel, count) in batch.channelCounts { channelCounts[node, default: [:]][channel, default: 0] += Int64(count) }
        // Key events: a keyspace notification names the key in its channel and the event in its
        // payload (an event name such as `expire`, never a value).
        for message in batch.messages {
            let channel = message.channel
            guard let at = channel.firstIndex(of: UInt8(ascii: ":")), channel.starts(with: Array("__keyspace@".utf8)) else { continue }
            let event = String(decoding: message.payload.prefix(32), as: UTF8.self).filter { $0.isLetter || $0 == "_" }
            rows.append(.event(t: t, node: node, kind: "keyspace", key: Array(channel[(at + 1)...]), detail: event))
        }
        return rows
    }

    private mutating func flushChannels() -> [RecordingRow] {
        defer { channelCounts = [:] }
        let t = max(0, channelSecond) * 1000
        return channelCounts.sorted { $0.key < $1.key }.flatMap { node, counts in
            counts.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { .channel(t: t, node: node, channel: $0.key, messages: $0.value) }
        }
    }

    /// Once a minute: the keys index's top prefixes by memory.
    private mutating func prefixes(_ state: AppState, t: Int64) -> [RecordingRow] {
        guard t - lastPrefixes >= 60_000 else { return [] }
        let rows = RecordingPrefixes.rows(state, t: t)
        if !rows.isEmpty { lastPrefixes = t }
        return rows
    }
}

/// The nodes' addresses in order, shared with the audit log's observer.
final class NodeAddresses: Sendable {
    private let list = Mutex<[String]>([])
    func set(_ addresses: [String]) { list.withLock { $0 = addresses } }
    func number(of address: String) -> Int? { list.withLock { $0.firstIndex(of: address) } }
}
