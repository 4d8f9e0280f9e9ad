// Which clients a kill is for: one id, a group, an address, a user, a library, or idle over a time.

/// Picks clients out of `CLIENT LIST`, client side: the server is only ever told ids, so no
/// filter it could read more widely (a pattern, a user that matches more later) ever reaches it.
public enum ClientSelector: Sendable, Hashable, CustomStringConvertible {
    /// Exactly these ids.
    case ids(Set<Int64>)
    /// The members of a group (same name, library, user and host).
    case group(ClientGroup.Identity)
    /// Clients whose address or host is this text.
    case address(String)
    /// Clients of this ACL user.
    case user(String)
    /// Clients of this library (`lib-name`).
    case library(String)
    /// Clients idle for at least this many seconds.
    case idleAtLeast(Int64)
    /// Clients the server pane's `/` filter matches.
    case filter(ClientFilter)

    /// Whether `client` is selected.
    public func matches(_ client: ClientInfo) -> Bool {
        switch self {
        case .ids(let ids): return ids.contains(client.id)
        case .group(let identity): return ClientGroup.Identity(client) == identity
        case .address(let text): return client.address == text || client.host == text
        case .user(let user): return client.user == user
        case .library(let name): return client.libraryName == name
        case .idleAtLeast(let seconds): return client.idleSeconds >= seconds
        case .filter(let filter): return filter.matches(client)
        }
    }

    /// How the audit log and the dialogs name the selection (server bytes are escaped by callers).
    public var description: String {
        switch self {
        case .ids(let ids): return "ids " + ids.sorted().map(String.init).joined(separator: ",")
        case .group(let identity):
            return "group name=\(String(decoding: identity.name, as: UTF8.self)) lib=\(identity.libraryName) user=\(identity.user) host=\(identity.host)"
        case .address(let text): return "addr \(text)"
        case .user(let user): return "user \(user)"
        case .library(let name): return "lib-name \(name)"
        case .idleAtLeast(let seconds): return "idle >= \(seconds)s"
        case .filter(let filter): return "filter \(filter.text)"
        }
    }
}
