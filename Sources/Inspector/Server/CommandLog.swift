import RESP
import RedisClient

/// Valkey 8.1's `COMMANDLOG`, beside `SLOWLOG`: the slowest commands, and the commands with the
/// largest requests and the largest replies, each read with `COMMANDLOG GET count type`. Offer it
/// where ``ServerFeatures/commandLog`` is true.
public struct CommandLog: Sendable, Hashable {
    /// The three logs the server keeps.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Execution time over `commandlog-execution-slower-than` (µs): what `SLOWLOG` shows.
        case slow = "slow"
        /// Requests over `commandlog-request-larger-than` bytes.
        case largeRequest = "large-request"
        /// Replies over `commandlog-reply-larger-than` bytes.
        case largeReply = "large-reply"
    }

    /// The entries of each kind, newest first. An entry's `durationMicroseconds` holds the
    /// kind's measure: microseconds for `.slow`, bytes for the two large kinds.
    public var entries: [Kind: [SlowlogEntry]]

    public init(entries: [Kind: [SlowlogEntry]]) {
        self.entries = entries
    }

    /// The commands of one read, one per kind in ``Kind/allCases`` order.
    public static func commands(count: Int) -> [RedisCommand] {
        Kind.allCases.map { RedisCommand("COMMANDLOG", "GET", count, $0.rawValue) }
    }

    /// Reads up to `count` entries of each kind.
    /// - Throws: `KeyspaceError` when the server refuses (e.g. an unknown command before Valkey 8.1).
    public static func fetch(from connection: any RedisPipelining, count: Int = ServerSnapshot.slowlogLength) async throws -> CommandLog {
        let replies = try await connection.pipeline(commands(count: count))
        var entries: [Kind: [SlowlogEntry]] = [:]
        for (kind, reply) in zip(Kind.allCases, replies) {
            if let message = reply.errorMessage { throw KeyspaceError.server(command: "COMMANDLOG", message: message) }
            guard let parsed = SlowlogEntry.parse(reply) else { throw KeyspaceError.unexpectedReply(command: "COMMANDLOG") }
            entries[kind] = parsed
        }
        return CommandLog(entries: entries)
    }
}
