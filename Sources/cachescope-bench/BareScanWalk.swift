import Inspector
import RESP
import RedisClient

/// The server's floor for walking a keyspace: a bare `SCAN … COUNT 1000` walk of every key (no
/// lookups), timed, with the server's CPU for it (`INFO cpu`).
enum BareScanWalk {
    /// Walks the whole keyspace on `connection`.
    /// - Returns: wall seconds, the server's CPU seconds, and the keys SCAN returned.
    static func measure(_ connection: RedisConnection) async throws -> (seconds: Double, serverCPU: Double, keys: Int) {
        let cpuBefore = try await CPUTime.server(connection)
        let started = ContinuousClock.now
        var cursor: [UInt8] = Array("0".utf8)
        var keys = 0
        repeat {
            let reply = try await connection.send(RedisCommand(arguments: [Array("SCAN".utf8), cursor, Array("COUNT".utf8), Array("1000".utf8)]))
            guard let parts = reply.array, parts.count == 2, let next = parts[0].bytes else { throw KeyspaceError.unexpectedReply(command: "SCAN") }
            keys += parts[1].array?.count ?? 0
            cursor = next
        } while cursor != Array("0".utf8)
        let elapsed = (ContinuousClock.now - started).seconds
        return (elapsed, try await CPUTime.server(connection) - cpuBefore, keys)
    }
}
