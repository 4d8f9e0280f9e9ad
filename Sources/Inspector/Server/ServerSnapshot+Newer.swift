import RESP
import RedisClient

/// The server pane's refresh on newer servers: the four commands of ``ServerSnapshot/commands``,
/// then, where ``ServerFeatures`` says the server has them, `COMMANDLOG` and (in a cluster)
/// `CLUSTER SLOT-STATS` by key count, in a second pipeline; only where the node tracks CPU and
/// network per slot (`cluster-slot-stats-enabled yes`: the key-count answer then carries them) a
/// third asks for the top slots by those. On Redis 7.0 it is exactly the plain refresh.
extension ServerSnapshot {
    /// The metrics the hot-slots view asks for: the top slots by each, merged.
    public static let hotSlotMetrics: [SlotStats.Metric] = [.keyCount, .cpu, .networkIn, .networkOut]
    /// How many slots each metric's answer holds.
    public static let hotSlotLimit = 20

    /// The commands of the second pipeline: `COMMANDLOG GET 32 <kind>` ×3 and
    /// `CLUSTER SLOT-STATS ORDERBY key-count LIMIT 20`, each where it applies.
    public static func newerCommands(features: ServerFeatures, clustered: Bool) -> [RedisCommand] {
        var commands: [RedisCommand] = []
        if features.commandLog { commands += CommandLog.commands(count: slowlogLength) }
        if features.slotStats && clustered { commands.append(SlotStats.command(orderBy: .keyCount, limit: hotSlotLimit)) }
        return commands
    }

    /// The tracked metrics' commands (CPU, network in, network out), asked only where tracked.
    static var trackedSlotCommands: [RedisCommand] {
        hotSlotMetrics.dropFirst().map { SlotStats.command(orderBy: $0, limit: hotSlotLimit) }
    }

    /// Reads one refresh over `connection`: one pipeline, and a second one for what `features`
    /// offers (none on older servers).
    /// - Parameter clustered: ask this node's own hot slots (a cluster node; the dashboard asks
    ///   every primary instead, with ``readClusterHotSlots(_:)``).
    /// - Throws: transport errors; server refusals land in `errors` (`commandlog`, `slots`).
    public static func fetch(from connection: any RedisPipelining, features: ServerFeatures, clustered: Bool) async throws -> ServerSnapshot {
        var snapshot = try await fetch(from: connection)
        let newer = newerCommands(features: features, clustered: clustered)
        guard !newer.isEmpty else { return snapshot }
        var replies = try await connection.pipeline(newer)[...]
        if features.commandLog {
            snapshot.takeCommandLog(Array(replies.prefix(CommandLog.Kind.allCases.count)))
            replies = replies.dropFirst(CommandLog.Kind.allCases.count)
        }
        if features.slotStats && clustered {
            let read = try await readSlotStats(first: Array(replies), connection)
            snapshot.hotSlots = read.stats
            if let error = read.error { snapshot.errors["slots"] = error }
        }
        return snapshot
    }

    /// Takes the three `COMMANDLOG GET` replies (slow, large-request, large-reply).
    mutating func takeCommandLog(_ replies: [RESPValue]) {
        var entries: [CommandLog.Kind: [SlowlogEntry]] = [:]
        for (kind, reply) in zip(CommandLog.Kind.allCases, replies) {
            if let message = reply.errorMessage {
                errors["commandlog"] = message
                return
            }
            entries[kind] = SlowlogEntry.parse(reply) ?? []
        }
        commandLog = CommandLog(entries: entries)
    }

    /// The hot slots of one node from its key-count answer `first` (nil: ask it now), and, where
    /// that answer shows CPU tracked, its answers by CPU and network: the slots of every answer,
    /// once each. A tracked metric's refusal is skipped; the key count's is the error returned.
    static func readSlotStats(first: [RESPValue]?, _ connection: any RedisPipelining) async throws -> (stats: [SlotStats]?, error: String?) {
        var replies: [RESPValue]
        if let first { replies = first } else { replies = try await connection.pipeline([SlotStats.command(orderBy: .keyCount, limit: hotSlotLimit)]) }
        // Asking for an untracked metric fails on the server: ask only where the answer shows CPU.
        if let reply = replies.first, SlotStats.parse(reply)?.contains(where: { $0.cpuMicroseconds != nil }) == true {
            replies += try await connection.pipeline(trackedSlotCommands)
        }
        var bySlot: [Int: SlotStats] = [:]
        for (metric, reply) in zip(hotSlotMetrics, replies) {
            if let message = reply.errorMessage {
                if metric == .keyCount { return (nil, message) }
                continue
            }
            for stats in SlotStats.parse(reply) ?? [] { bySlot[stats.slot] = stats }
        }
        return (bySlot.values.sorted { $0.slot < $1.slot }, nil)
    }
}
