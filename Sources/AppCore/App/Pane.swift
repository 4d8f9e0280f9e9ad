/// The five panes, in the order `1`…`5` and `Tab` visit them. Each is a keymap scope of its
/// own; its title heads its section in the help overlay.
public enum Pane: Int, Sendable, CaseIterable, Hashable, CustomStringConvertible {
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

    /// The title, as the help overlay's section for this pane's bindings.
    public var description: String { title }

    /// The next pane, wrapping around.
    public var next: Pane { Pane(rawValue: rawValue % Pane.allCases.count + 1)! }
    /// The previous pane, wrapping around.
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 2) % Pane.allCases.count + 1)! }
}
