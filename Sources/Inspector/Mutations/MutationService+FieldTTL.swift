import RESP
import RedisClient

extension MutationService {
    /// Sets one hash field's TTL (`HEXPIRE key seconds FIELDS 1 field`; Redis 7.4+, Valkey 9+, see
    /// ``ServerFeatures/hashFieldTTLs``), reading the field's value and TTL before and its TTL
    /// after in the same pipeline. Undoable: ``undo(overwrite:)`` puts back the TTL the field had,
    /// and its value (`HSETNX`) if it expired meanwhile.
    /// - Parameters:
    ///   - key: the hash's exact bytes.
    ///   - field: the field's exact bytes.
    ///   - seconds: the new TTL, > 0.
    /// - Throws: ``MutationError`` (read-only, an unknown command on older servers, NOPERM, …).
    public func expireField(_ key: [UInt8], field: [UInt8], seconds: Int64) async throws -> FieldChangeOutcome {
        try await changeFieldTTL(
            "HEXPIRE", key: key, field: field, detail: "seconds=\(seconds)",
            command: RedisCommand("HEXPIRE", key, seconds, "FIELDS", 1, field), valid: seconds > 0)
    }

    /// Removes one hash field's TTL (`HPERSIST key FIELDS 1 field`); undoable like ``expireField(_:field:seconds:)``.
    /// - Throws: ``MutationError``.
    public func persistField(_ key: [UInt8], field: [UInt8]) async throws -> FieldChangeOutcome {
        try await changeFieldTTL(
            "HPERSIST", key: key, field: field, detail: nil,
            command: RedisCommand("HPERSIST", key, "FIELDS", 1, field), valid: true)
    }

    private func changeFieldTTL(_ name: String, key: [UInt8], field: [UInt8], detail: String?, command: RedisCommand, valid: Bool) async throws -> FieldChangeOutcome {
        let detail = (["field=" + AuditEntry.escape(field)] + [detail].compactMap { $0 }).joined(separator: " ")
        try await refuseIfReadOnly(name, keys: [key], detail: detail)
        guard valid else { throw MutationError.invalidArgument("\(name): the TTL must be at least 1 second") }
        let readTTL = RedisCommand("HPTTL", key, "FIELDS", 1, field)
        do {
            let replies = try await exchange(
                [RedisCommand("HGET", key, field), readTTL, command, readTTL], command: name,
                done: "the field's TTL may or may not have changed")
            let value = try checked(replies[0], "HGET").bytes
            let before = try fieldReply(replies[1], "HPTTL")
            let changed = try fieldReply(replies[2], name) == 1
            let after = try fieldReply(replies[3], "HPTTL")
            let now = Self.wallMilliseconds()
            if changed, let value {
                undoStack.push(
                    UndoStack.Batch(
                        entries: [UndoStack.Entry(key: key, dump: value, pttl: before)],
                        deletedAt: MonotonicClock.now(), kind: .fieldTTL(field: field)))
            }
            await audit(name, keys: [key], keyCount: changed ? 1 : 0, detail: detail, result: "ok")
            return FieldChangeOutcome(key: key, field: field, command: name, changed: changed, ttl: KeyTTL(pttl: after, now: now), readAt: now)
        } catch {
            await audit(name, keys: [key], keyCount: 0, detail: detail, result: Self.auditResult(error))
            throw error
        }
    }

    /// Undoes a field TTL change: the TTL the field had, less the time elapsed since (never a
    /// longer life), or no TTL; the value comes back with `HSETNX` only if the field is gone (a
    /// field written since is never overwritten). A TTL that has run out meanwhile is not restored.
    func undoFieldTTL(_ batch: UndoStack.Batch, field: [UInt8]) async throws -> UndoOutcome {
        guard let entry = batch.entries.first else { return UndoOutcome(restored: [], existsAgain: [], expired: [], failed: []) }
        let detail = "undo field=" + AuditEntry.escape(field)
        var name = "HPERSIST"
        var restoreTTL = RedisCommand("HPERSIST", entry.key, "FIELDS", 1, field)
        if entry.pttl >= 0 {
            let remaining = Int64((Double(entry.pttl) - (MonotonicClock.now() - batch.deletedAt) * 1000).rounded(.down))
            guard remaining > 0 else {
                let outcome = UndoOutcome(restored: [], existsAgain: [], expired: [entry.key], failed: [])
                await audit("HPEXPIRE", keys: [entry.key], keyCount: 0, detail: detail + " " + outcome.summary, result: "ok")
                return outcome
            }
            name = "HPEXPIRE"
            restoreTTL = RedisCommand("HPEXPIRE", entry.key, remaining, "FIELDS", 1, field)
        }
        do {
            let replies = try await exchange(
                [RedisCommand("HSETNX", entry.key, field, entry.dump), restoreTTL], command: name,
                done: "the field's value and TTL may or may not be back; the change stays undoable")
            _ = try integer(replies[0], "HSETNX")
            _ = try fieldReply(replies[1], name)
        } catch {
            undoStack.push(batch)
            await audit(name, keys: [entry.key], keyCount: 0, detail: detail, result: Self.auditResult(error))
            throw error
        }
        let outcome = UndoOutcome(restored: [entry.key], existsAgain: [], expired: [], failed: [])
        await audit(name, keys: [entry.key], keyCount: 1, detail: detail + " " + outcome.summary, result: "ok")
        return outcome
    }

    /// The one code of a `… FIELDS 1 field` reply (`[n]`).
    private func fieldReply(_ reply: RESPValue, _ command: String) throws -> Int64 {
        guard let code = try checked(reply, command).array?.first?.int else { throw MutationError.unexpectedReply(node: node, command: command) }
        return code
    }
}
