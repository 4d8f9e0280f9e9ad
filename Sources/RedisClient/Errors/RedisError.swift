import RESP

/// A failure talking to Redis, saying what and where:
/// `127.0.0.1:6390: connection refused`, `127.0.0.1:6379: WRONGPASS invalid username-password pair…`,
/// `127.0.0.1:6379: timed out after 5 s (GET)`. Never contains a password.
public struct RedisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category, for code that reacts differently (retry, ask for a password, show a banner).
    public enum Kind: Sendable, Hashable {
        /// Nothing listens on the port.
        case connectionRefused
        /// The TCP connection failed for another reason (unreachable, name not resolved, reset).
        case connectFailed
        /// Connecting or a command took longer than its timeout.
        case timeout
        /// TLS handshake or certificate problem.
        case tls
        /// Wrong or missing credentials (`WRONGPASS`, `NOAUTH`).
        case authentication
        /// The ACL user may not run the command or touch the key (`NOPERM`).
        case permission
        /// Any other error reply; the associated value is its code (`ERR`, `WRONGTYPE`, `MOVED`…).
        case server(String)
        /// The server sent bytes that are not valid RESP or a reply nobody asked for.
        case `protocol`
        /// The connection was closed (by either side) before the reply arrived.
        case closed
        /// A managed connection is down and waiting to reconnect.
        case notConnected
        /// Bad local configuration (e.g. an unreadable certificate file).
        case configuration
    }

    /// The category.
    public var kind: Kind
    /// The node, when known.
    public var endpoint: RedisEndpoint?
    /// What happened, without the endpoint prefix.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, endpoint: RedisEndpoint? = nil) {
        self.kind = kind
        self.message = message
        self.endpoint = endpoint
    }

    /// `endpoint: message`.
    public var description: String {
        guard let endpoint else { return message }
        return "\(endpoint): \(message)"
    }

    /// `true` when the connection itself is unusable (as opposed to one command failing).
    public var isConnectionLevel: Bool {
        switch kind {
        case .connectionRefused, .connectFailed, .tls, .protocol, .closed, .notConnected, .configuration:
            return true
        case .timeout, .authentication, .permission, .server:
            return false
        }
    }

    /// Classifies an error reply by its code.
    public static func server(_ reply: RESPValue, endpoint: RedisEndpoint?) -> RedisError {
        let message = reply.errorMessage ?? "unexpected reply"
        let code = String(message.prefix(while: { $0 != " " }))
        let kind: Kind
        switch code {
        case "WRONGPASS", "NOAUTH": kind = .authentication
        case "NOPERM": kind = .permission
        default: kind = .server(code)
        }
        return RedisError(kind, message, endpoint: endpoint)
    }

    /// `timed out after 5 s (GET)`.
    static func timeout(after duration: Duration, command: String, endpoint: RedisEndpoint?) -> RedisError {
        RedisError(.timeout, "timed out after \(duration.shortDescription) (\(command))", endpoint: endpoint)
    }
}

extension Duration {
    /// `5 s`, `0.5 s`, `250 ms`.
    var shortDescription: String {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds % 1000 == 0 { return "\(seconds) s" }
        return "\(Double(milliseconds) / 1000) s"
    }

    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
