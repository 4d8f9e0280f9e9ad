import RESP
import RedisClient

extension MutationService {
    /// Publishes `message` to `channel` (`PUBLISH`); audited, refused in read-only mode.
    /// - Returns: how many subscribers received it (on this node).
    /// - Throws: ``MutationError``.
    public func publish(channel: [UInt8], message: [UInt8]) async throws -> Int64 {
        let detail = "bytes=\(message.count)"
        try await refuseIfReadOnly("PUBLISH", keys: [channel], detail: detail)
        do {
            let replies = try await exchange(
                [RedisCommand("PUBLISH", channel, message)], command: "PUBLISH",
                done: "the message may or may not have been published")
            let receivers = try integer(replies[0], "PUBLISH")
            await audit("PUBLISH", keys: [channel], detail: detail, result: "ok receivers=\(receivers)")
            return receivers
        } catch {
            await audit("PUBLISH", keys: [channel], detail: detail, result: Self.auditResult(error))
            throw error
        }
    }

    /// Sets `notify-keyspace-events` (`CONFIG SET`), e.g. to see key events, or to restore the
    /// value found before. Audited with the old and new value; refused in read-only mode.
    /// - Throws: ``MutationError``.
    public func setKeyspaceEvents(_ flags: String, previous: String) async throws {
        let detail = "notify-keyspace-events \"\(previous)\" -> \"\(flags)\""
        try await refuseIfReadOnly("CONFIG SET", detail: detail)
        do {
            let replies = try await exchange(
                [RedisCommand("CONFIG", "SET", KeyspaceEventsSetting.parameter, flags)],
                command: "CONFIG SET", done: "the setting may or may not have changed")
            _ = try checked(replies[0], "CONFIG SET")
            await audit("CONFIG SET", keys: [], detail: detail, result: "ok")
        } catch {
            await audit("CONFIG SET", keys: [], detail: detail, result: Self.auditResult(error))
            throw error
        }
    }
}
