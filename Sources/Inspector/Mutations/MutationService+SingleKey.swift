import RESP
import RedisClient

extension MutationService {
    /// Sets a key's TTL (`EXPIRE key seconds`) and reads the new `PTTL` back in the same pipeline.
    /// - Parameters:
    ///   - key: the key's exact bytes.
    ///   - seconds: the new TTL, > 0 (see ``TTLParser`` for what operators type).
    /// - Returns: the server's answer; `changed` is false when the key no longer exists.
    /// - Throws: ``MutationError`` (read-only, NOPERM, READONLY, MOVED, connection lost).
    public func expire(_ key: [UInt8], seconds: Int64) async throws -> KeyChangeOutcome {
        try await changeTTL(
            "EXPIRE", key: key, detail: "seconds=\(seconds)",
            command: RedisCommand("EXPIRE", key, seconds), valid: seconds > 0)
    }

    /// Removes a key's TTL (`PERSIST key`) and reads the `PTTL` back (-1 after success).
    /// - Returns: the server's answer; `changed` is false when the key had no TTL or is gone.
    /// - Throws: ``MutationError``.
    public func persist(_ key: [UInt8]) async throws -> KeyChangeOutcome {
        try await changeTTL("PERSIST", key: key, detail: nil, command: RedisCommand("PERSIST", key), valid: true)
    }

    private func changeTTL(_ name: String, key: [UInt8], detail: String?, command: RedisCommand, valid: Bool) async throws -> KeyChangeOutcome {
        try await refuseIfReadOnly(name, keys: [key], detail: detail)
        guard valid else { throw MutationError.invalidArgument("\(name): the TTL must be at least 1 second") }
        do {
            let replies = try await exchange(
                [command, RedisCommand("PTTL", key)], command: name,
                done: "the key's TTL may or may not have changed")
            let changed = try integer(replies[0], name) == 1
            let pttl = try integer(replies[1], "PTTL")
            let now = Self.wallMilliseconds()
            await audit(name, keys: [key], keyCount: changed ? 1 : 0, detail: detail, result: "ok")
            return KeyChangeOutcome(key: key, command: name, changed: changed, pttl: pttl, ttl: KeyTTL(pttl: pttl, now: now), readAt: now)
        } catch {
            await audit(name, keys: [key], keyCount: 0, detail: detail, result: Self.auditResult(error))
            throw error
        }
    }

    /// `error: …` for the audit log.
    static func auditResult(_ error: any Error) -> String {
        (error as? MutationError)?.auditResult ?? "error: \(error)"
    }
}
