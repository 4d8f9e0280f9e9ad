import RESP
import RedisClient

/// How many members some sorted sets hold: one `ZCARD` a key, in one pipeline. The leaderboard
/// lists the sorted sets the keys index found with their sizes before one is watched.
public enum SortedSetSizes {
    /// Reads the member count of each key, in order: nil for a key that is gone (0) or not a
    /// sorted set any more (an error reply).
    /// - Throws: a transport error; error replies are per key, not thrown.
    public static func fetch(_ keys: [[UInt8]], from connection: any RedisPipelining) async throws -> [Int64?] {
        guard !keys.isEmpty else { return [] }
        let replies = try await connection.pipeline(keys.map { RedisCommand(arguments: [Array("ZCARD".utf8), $0]) })
        return replies.map { reply in reply.int.flatMap { $0 > 0 ? $0 : nil } }
    }
}
