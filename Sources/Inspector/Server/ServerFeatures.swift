import RESP
import RedisClient

/// The optional commands a server has, asked once with one `COMMAND INFO` (a command the server
/// does not know comes back as a null entry). Newer views are offered only where they work: on
/// Redis 7.0 every flag is false and nothing changes.
public struct ServerFeatures: Sendable, Hashable {
    /// Hash field TTLs: `HPEXPIRETIME`, `HEXPIRE`, `HPERSIST` (Redis 7.4+, Valkey 9+).
    public var hashFieldTTLs: Bool
    /// `COMMANDLOG` with slow, large-request and large-reply entries (Valkey 8.1+).
    public var commandLog: Bool
    /// `CLUSTER SLOT-STATS`: keys, CPU and network per slot (Valkey 8.0+, Redis 8.2+).
    public var slotStats: Bool
    /// Vector sets: `VCARD`, `VDIM`, `VINFO` (Redis 8.0+).
    public var vectorSets: Bool

    public init(hashFieldTTLs: Bool = false, commandLog: Bool = false, slotStats: Bool = false, vectorSets: Bool = false) {
        self.hashFieldTTLs = hashFieldTTLs
        self.commandLog = commandLog
        self.slotStats = slotStats
        self.vectorSets = vectorSets
    }

    /// The command names asked about, in the order of the flags.
    static let probedCommands = ["HPEXPIRETIME", "COMMANDLOG", "CLUSTER|SLOT-STATS", "VCARD"]

    /// `COMMAND INFO HPEXPIRETIME COMMANDLOG CLUSTER|SLOT-STATS VCARD`.
    public static var command: RedisCommand { RedisCommand("COMMAND", arguments: ["INFO"] + probedCommands) }

    /// Reads a `COMMAND INFO` reply for ``probedCommands``: an entry that is an array means the
    /// server has that command. - Returns: nil when the reply is not an array of one entry each.
    public static func parse(_ reply: RESPValue) -> ServerFeatures? {
        guard let entries = reply.array, entries.count == probedCommands.count else { return nil }
        let known = entries.map { $0.array != nil }
        return ServerFeatures(hashFieldTTLs: known[0], commandLog: known[1], slotStats: known[2], vectorSets: known[3])
    }

    /// Asks the server. - Throws: `KeyspaceError` when `COMMAND INFO` fails or answers oddly.
    public static func detect(_ connection: any RedisPipelining) async throws -> ServerFeatures {
        guard let features = parse(try await connection.call(command)) else { throw KeyspaceError.unexpectedReply(command: "COMMAND INFO") }
        return features
    }
}
