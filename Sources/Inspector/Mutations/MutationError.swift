import RESP
import RedisClient

/// Why a change was not made, or was only partly made. Every description says what and where, and
/// for interrupted work what is known to be done and what is not.
public enum MutationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The service was created read-only (`--read-only`): it refuses every change itself, so no
    /// code path above it can write.
    case readOnly
    /// `NOPERM`: the ACL user may not run this command or touch this key.
    case permissionDenied(node: String, command: String, message: String)
    /// `READONLY`: the node is a replica; writes must go to its primary.
    case replica(node: String, command: String)
    /// `MOVED`: a cluster node answered that another node owns the key's slot.
    case moved(node: String, command: String, slot: Int, owner: String)
    /// Any other error reply.
    case server(node: String, command: String, message: String)
    /// A reply had a shape the service does not understand.
    case unexpectedReply(node: String, command: String)
    /// The connection failed or timed out during a single-key change or an undo. `done` says
    /// what is known to have happened.
    case connectionLost(node: String, command: String, reason: String, done: String)
    /// A bulk change stopped on a connection failure after `completed` keys; the rest was not touched.
    case interrupted(node: String, command: String, completed: Int, batch: Int, reason: String)
    /// A caller passed something unusable (an empty pattern, a type SCAN cannot filter on…).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .readOnly:
            "read-only mode: changes are refused (restart without --read-only to allow them)"
        case .permissionDenied(let node, let command, let message):
            "\(node): \(command) refused: the ACL user has no right to run it here (\(message))"
        case .replica(let node, let command):
            "\(node): \(command) refused: this node is a read-only replica; connect to its primary to change keys"
        case .moved(let node, let command, let slot, let owner):
            "\(node): \(command) refused: the key's slot \(slot) is owned by \(owner) (cluster); connect to that node"
        case .server(let node, let command, let message):
            "\(node): \(command): \(message)"
        case .unexpectedReply(let node, let command):
            "\(node): \(command): unexpected reply"
        case .connectionLost(let node, let command, let reason, let done):
            "\(node): \(command) interrupted (\(reason)); \(done)"
        case .interrupted(let node, let command, let completed, let batch, let reason):
            "\(node): \(command) interrupted after \(completed) keys (\(reason)); "
                + "the batch in flight (up to \(batch) keys) may or may not have been applied, the rest was not touched"
        case .invalidArgument(let message):
            message
        }
    }

    /// Classifies an error reply to `command` from `node`.
    static func reply(_ message: String, node: String, command: String) -> MutationError {
        let code = message.prefix { $0 != " " }
        switch code {
        case "NOPERM":
            return .permissionDenied(node: node, command: command, message: message)
        case "READONLY":
            return .replica(node: node, command: command)
        case "MOVED", "ASK":
            // `MOVED 3999 127.0.0.1:6381`
            let parts = message.split(separator: " ")
            if parts.count >= 3, let slot = Int(parts[1]) {
                return .moved(node: node, command: command, slot: slot, owner: String(parts[2]))
            }
            return .server(node: node, command: command, message: message)
        default:
            return .server(node: node, command: command, message: message)
        }
    }

    /// Turns what a connection threw into a `MutationError`; `done` says what is known to be done.
    static func transport(_ error: any Error, node: String, command: String, done: String) -> MutationError {
        if let error = error as? MutationError { return error }
        if let error = error as? RedisError {
            switch error.kind {
            case .permission: return .permissionDenied(node: node, command: command, message: error.message)
            case .server: return reply(error.message, node: node, command: command)
            default: return .connectionLost(node: node, command: command, reason: error.message, done: done)
            }
        }
        return .connectionLost(node: node, command: command, reason: "\(error)", done: done)
    }

    /// The text the audit log records as the result (`error: …`).
    var auditResult: String {
        self == .readOnly ? "refused: read-only" : "error: \(description)"
    }
}
