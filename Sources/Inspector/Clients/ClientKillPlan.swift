// What a client kill will do, worked out before anything is asked of the server.

/// The clients a kill would disconnect, read fresh from `CLIENT LIST`: shown as a dry run, then
/// confirmed by typing the node's address, then killed by id only.
public struct ClientKillPlan: Sendable, Hashable {
    /// The node, as `host:port`: also the word the confirmation asks to be typed.
    public var node: String
    /// What was selected.
    public var selector: ClientSelector
    /// The clients that would go, in id order.
    public var clients: [ClientInfo]
    /// Clients the selector matched that are cachescope's own connections: never killed.
    public var ownSkipped: Int

    public init(node: String, selector: ClientSelector, clients: [ClientInfo], ownSkipped: Int) {
        self.node = node
        self.selector = selector
        self.clients = clients
        self.ownSkipped = ownSkipped
    }

    /// The text the operator types to confirm.
    public var confirmationWord: String { node }

    /// The ids to kill.
    public var ids: [Int64] { clients.map(\.id) }
}

/// What a kill did, per id.
public struct ClientKillOutcome: Sendable, Hashable {
    /// Ids the server disconnected.
    public var killed: [Int64]
    /// Ids already gone when the kill arrived (`CLIENT KILL` answered 0, or "No such client").
    public var gone: [Int64]
    /// Ids the server refused, with its answer.
    public var failed: [Int64: String]

    public init(killed: [Int64] = [], gone: [Int64] = [], failed: [Int64: String] = [:]) {
        self.killed = killed
        self.gone = gone
        self.failed = failed
    }

    /// One line for the status bar, naming the ids (the first ten of each kind).
    public var summary: String {
        func ids(_ list: [Int64]) -> String {
            list.prefix(10).map(String.init).joined(separator: ",") + (list.count > 10 ? ",…" : "")
        }
        var parts = ["killed \(killed.count) client\(killed.count == 1 ? "" : "s")" + (killed.isEmpty ? "" : " (\(ids(killed)))")]
        if !gone.isEmpty { parts.append("\(gone.count) already gone (\(ids(gone)))") }
        if !failed.isEmpty { parts.append("\(failed.count) refused (" + failed.sorted { $0.key < $1.key }.prefix(3).map { "\($0.key): \($0.value)" }.joined(separator: "; ") + ")") }
        return parts.joined(separator: " · ") + " · cannot be undone"
    }
}
