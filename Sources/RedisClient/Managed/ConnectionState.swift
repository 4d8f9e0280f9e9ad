/// Where a ``ManagedConnection`` stands, for a status line.
public enum ConnectionState: Sendable, Hashable, CustomStringConvertible {
    /// Not asked to connect yet.
    case idle
    /// A connection attempt is in progress.
    case connecting
    /// Connected since the given instant.
    case connected(since: ContinuousClock.Instant)
    /// Down since `since` (the first failure in a row) with the latest error; next attempt at `nextAttempt`.
    case failed(RedisError, since: ContinuousClock.Instant, nextAttempt: ContinuousClock.Instant)
    /// Closed on purpose; no more attempts.
    case closed

    /// `true` for `.connected`.
    public var isConnected: Bool {
        if case .connected = self { return true }
        return false
    }

    /// `true` for `.failed`.
    public var isFailed: Bool {
        if case .failed = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .idle: return "idle"
        case .connecting: return "connecting"
        case .connected: return "connected"
        case .failed(let error, _, let next):
            let wait = max(.zero, next - .now)
            return "down: \(error) (retrying in \(wait.shortDescription))"
        case .closed: return "closed"
        }
    }
}
