/// Why a Sentinel group could not be found: one line, never a password.
public enum SentinelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No sentinel answered; each failure as `host:port: reason`.
    case noSentinelReachable([String])
    /// The sentinels that answered do not monitor this name; `known` are the names they do.
    case unknownMaster(String, known: [String])
    /// Sentinels answered but no primary they named confirmed its role; each failure as text.
    case noPrimaryConfirmed(String, [String])
    /// No sentinel address was given.
    case noSentinels

    public var description: String {
        switch self {
        case .noSentinelReachable(let failures):
            return "no sentinel reachable (\(failures.joined(separator: "; ")))"
        case .unknownMaster(let name, let known):
            let names = known.isEmpty ? "they monitor no master" : "they monitor: \(known.joined(separator: ", "))"
            return "the sentinels know no master named \"\(name)\" (\(names))"
        case .noPrimaryConfirmed(let name, let failures):
            return "no primary of \"\(name)\" confirmed (\(failures.joined(separator: "; ")))"
        case .noSentinels:
            return "no sentinel given: use --sentinel HOST:PORT or redis+sentinel://HOST:PORT/MASTER"
        }
    }
}

/// One monitored group as `SENTINEL MASTERS` lists it (for choosing a group, never for routing).
public struct SentinelMaster: Sendable, Hashable {
    public var name: String
    /// The address the sentinel reports (``AddressMap`` applied); not confirmed.
    public var endpoint: RedisEndpoint?
    public var flags: [String]
    public var replicaCount: Int?
    public var sentinelCount: Int?
    public var quorum: Int?

    public init(name: String, endpoint: RedisEndpoint?, flags: [String], replicaCount: Int?, sentinelCount: Int?, quorum: Int?) {
        self.name = name
        self.endpoint = endpoint
        self.flags = flags
        self.replicaCount = replicaCount
        self.sentinelCount = sentinelCount
        self.quorum = quorum
    }
}
