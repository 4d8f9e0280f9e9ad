import RESP
import RedisClient

/// What the server pane shows of one node besides INFO: the slow log, the clients and the
/// latency monitor's latest spikes, read in one pipeline.
public struct ServerSnapshot: Sendable, Hashable {
    public var slowlog: [SlowlogEntry]
    public var clients: [ClientInfo]
    public var latency: [LatencyEvent]
    /// Per-section errors (e.g. `NOPERM` on a restricted user), so one refusal hides only its section.
    public var errors: [String: String]
    /// `client-output-buffer-limit` by class, for flagging clients near being cut off.
    public var outputBufferLimits: [OutputBufferClass: OutputBufferLimit] = [:]
    /// `COMMANDLOG` (Valkey 8.1+), read where the server has it; nil elsewhere.
    public var commandLog: CommandLog?
    /// In a cluster, the node's hottest slots (`CLUSTER SLOT-STATS`, Valkey 8.0+, Redis 8.2+); nil elsewhere.
    public var hotSlots: [SlotStats]?
    /// Cluster-wide hot slots: each slot's owner (`host:port`); empty for one node's own.
    public var hotSlotOwners: [Int: String] = [:]

    public init(slowlog: [SlowlogEntry] = [], clients: [ClientInfo] = [], latency: [LatencyEvent] = [], errors: [String: String] = [:]) {
        self.slowlog = slowlog
        self.clients = clients
        self.latency = latency
        self.errors = errors
    }

    /// How many slow log entries one refresh reads.
    public static let slowlogLength = 32

    /// The commands of one refresh, in order: `SLOWLOG GET 32`, `CLIENT LIST`, `LATENCY LATEST`,
    /// `CONFIG GET client-output-buffer-limit`.
    public static var commands: [RedisCommand] {
        [
            RedisCommand("SLOWLOG", "GET", slowlogLength), RedisCommand("CLIENT", "LIST"), RedisCommand("LATENCY", "LATEST"),
            RedisCommand("CONFIG", "GET", "client-output-buffer-limit"),
        ]
    }

    /// Builds a snapshot from the replies of `commands` (the limits' reply is optional).
    public init(replies: [RESPValue]) {
        self.init()
        guard replies.count == 3 || replies.count == 4 else {
            errors["all"] = "unexpected reply count \(replies.count)"
            return
        }
        if let message = replies[0].errorMessage { errors["slowlog"] = message } else { slowlog = SlowlogEntry.parse(replies[0]) ?? [] }
        if let message = replies[1].errorMessage { errors["clients"] = message } else { clients = ClientInfo.parseList(replies[1].bytes ?? []) }
        if let message = replies[2].errorMessage { errors["latency"] = message } else { latency = LatencyEvent.parse(replies[2]) ?? [] }
        // A user without CONFIG rights still gets the rest; flags then use the fixed thresholds only.
        if replies.count == 4 { outputBufferLimits = OutputBufferLimit.parse(reply: replies[3]) }
    }

    /// Reads one snapshot over `connection`: exactly one pipeline of four commands.
    /// - Throws: transport errors (`RedisError`); server error replies land in `errors`.
    public static func fetch(from connection: any RedisPipelining) async throws -> ServerSnapshot {
        ServerSnapshot(replies: try await connection.pipeline(commands))
    }
}
