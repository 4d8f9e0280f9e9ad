/// The tables of the server pane, in the order `←`/`→` visit them (reading order on a
/// wide screen), each with the sort orders `s` cycles through.
public enum ServerSection: Int, Sendable, CaseIterable, Hashable {
    case slowlog
    case latency
    case clients
    case commands
    case replication
    /// A cluster node's hottest slots (`CLUSTER SLOT-STATS`, Valkey 8.0+, Redis 8.2+).
    case slots

    public var title: String {
        switch self {
        case .slowlog: return "Slow log"
        case .clients: return "Clients"
        case .commands: return "Commands"
        case .latency: return "Latency"
        case .replication: return "Replication"
        case .slots: return "Hot slots"
        }
    }

    /// The sort orders `s` cycles through; the first is the default.
    public var sortNames: [String] {
        switch self {
        case .slowlog: return ["newest", "duration"]
        case .clients: return ["idle", "age", "id", "command", "output buffer", "memory", "query buffer", "name", "address"]
        case .commands: return ["total time", "calls", "time per call", "name"]
        case .latency: return ["max", "latest", "event"]
        case .replication: return ["lag", "address"]
        case .slots: return ["keys", "cpu", "network in", "network out", "slot"]
        }
    }

    /// The next section, wrapping around.
    public var next: ServerSection { ServerSection(rawValue: (rawValue + 1) % Self.allCases.count)! }
    /// The previous section, wrapping around.
    public var previous: ServerSection { ServerSection(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count)! }
}
