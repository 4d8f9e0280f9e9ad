import RESP
import RedisClient

/// The server pane's refresh on newer servers: the four commands of ``ServerSnapshot/commands``,
/// then, where ``ServerFeatures`` says the server has them, `COMMANDLOG` and (in a cluster)
/// `CLUSTER SLOT-STATS`, in a second pipeline. On Redis 7.0 it is exactly the plain refresh.
extension ServerSnapshot {
    /// The metrics the hot-slots view asks for: the top slots by each, merged.
    public static let hotSlotMetrics: [SlotStats.Metric] = [.keyCount, .cpu, .networkIn, .networkOut]
    /// How many slots each metric's answer holds.
    public static let hotSlotLimit = 20

    /// The commands of the second pipeline: `COMMANDLOG GET 32 <kind>` ×3 and
    /// `CLUSTER SLOT-STATS ORDERBY <metric> LIMIT 20` ×4, each where it applies.
    public static func newerCommands(features: ServerFeatures, clustered: Bool) -> [RedisCommand] {
        var commands: [RedisCommand] = []
        if features.commandLog { commands += CommandLog.commands(count: slowlogLength) }
        if features.slotStats && clustered { commands += hotSlotMetrics.map { SlotStats.command(orderBy: $0, limit: hotSlotLimit) } }
        return commands
    }

    /// Reads one refresh over `connection`: one pipeline, and a second one for what `features`
    /// offers (none on older servers).
    /// - Parameter clustered: whether the node is in a cluster (slot stats are asked only there).
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
        if features.slotStats && clustered { snapshot.takeSlotStats(Array(replies)) }
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

    /// Takes the `CLUSTER SLOT-STATS` replies of ``hotSlotMetrics``: the slots of every answer,
    /// once each. A metric the server does not track (CPU and network need
    /// `cluster-slot-stats-enabled yes`) is skipped; the key count's refusal is an error.
    mutating func takeSlotStats(_ replies: [RESPValue]) {
        var bySlot: [Int: SlotStats] = [:]
        for (metric, reply) in zip(Self.hotSlotMetrics, replies) {
            if let message = reply.errorMessage {
                if metric == .keyCount { errors["slots"] = message }
                continue
            }
            for stats in SlotStats.parse(reply) ?? [] { bySlot[stats.slot] = stats }
        }
        hotSlots = bySlot.values.sorted { $0.slot < $1.slot }
    }
}
