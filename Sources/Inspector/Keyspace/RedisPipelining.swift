import RESP
import RedisClient

/// What the keyspace code needs from a connection: pipelined commands with error replies left in
/// place. `RedisConnection` and `ManagedConnection` both qualify; tests may pass a fake.
public protocol RedisPipelining: Sendable {
    /// Sends `commands` in one write and returns their replies in order (errors as `.error`).
    /// Runs on the caller's actor (no hop to the global executor and back).
    nonisolated(nonsending) func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue]
}

extension RedisConnection: RedisPipelining {}
extension ManagedConnection: RedisPipelining {}

extension RedisPipelining {
    /// Sends one command; an error reply throws `KeyspaceError.server`.
    func call(_ command: RedisCommand) async throws -> RESPValue {
        let reply = try await pipeline([command])[0]
        if let message = reply.errorMessage { throw KeyspaceError.server(command: command.name, message: message) }
        return reply
    }
}

/// Errors of the keyspace and value code (transport errors pass through as `RedisError`).
public enum KeyspaceError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The server answered a command with an error.
    case server(command: String, message: String)
    /// A reply had an unexpected shape.
    case unexpectedReply(command: String)

    public var description: String {
        switch self {
        case .server(let command, let message): "\(command): \(message)"
        case .unexpectedReply(let command): "\(command): unexpected reply"
        }
    }
}

/// A whole cluster behaves as one node: keyed commands go to their slot's owner, `SCAN` walks
/// every primary, `DBSIZE` adds up (see `ClusterClient.pipeline(_:)`).
extension ClusterClient: RedisPipelining {}
