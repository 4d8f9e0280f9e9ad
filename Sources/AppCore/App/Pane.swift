/// The five panes, in the order `1`…`5` and `Tab` visit them.
public enum Pane: Int, Sendable, CaseIterable, Hashable {
    case overview = 1
    case keys
    case leaderboard
    case pubsub
    case server

    /// The title on the pane's tab.
    public var title: String {
        switch self {
        case .overview: return "Overview"
        case .keys: return "Keys"
        case .leaderboard: return "Leaderboard"
        case .pubsub: return "Pub/Sub"
        case .server: return "Server"
        }
    }

    /// The scope name bindings use for this pane (`"keys"`, …).
    public var scope: String {
        switch self {
        case .overview: return "overview"
        case .keys: return "keys"
        case .leaderboard: return "leaderboard"
        case .pubsub: return "pubsub"
        case .server: return "server"
        }
    }

    /// The next pane, wrapping around.
    public var next: Pane { Pane(rawValue: rawValue % Pane.allCases.count + 1)! }
    /// The previous pane, wrapping around.
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 2) % Pane.allCases.count + 1)! }
}
