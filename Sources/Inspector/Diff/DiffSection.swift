// The groups of a diff, in the order `cachescope diff` prints them.

/// What a changed row is about. The order is the printing order: what changed shape first
/// (nodes, roles, settings), then the figures, then what happened in between.
public enum DiffSection: String, Sendable, Codable, CaseIterable, Comparable {
    /// Nodes added or removed, role changes (a failover), reachability.
    case topology
    /// Configuration parameters that changed.
    case config
    /// Memory: a node's used memory, or a prefix's.
    case memory
    /// Key counts: a node's, or a prefix's.
    case keys
    /// Connected clients: the count, or a group by name and address.
    case clients
    /// Calls and time per command (`INFO commandstats`).
    case commands
    /// Rates and ratios: ops/s, hit ratio, evictions, latency.
    case figures
    /// Alerts, actions and events between the two moments of a recording.
    case events

    public static func < (a: DiffSection, b: DiffSection) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
