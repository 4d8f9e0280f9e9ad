/// How urgent a doctor finding is; findings sort most severe first.
public enum FindingSeverity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Worth knowing (e.g. the hottest keys); nothing is wrong as such.
    case info = 0
    /// A caching anti-pattern that will hurt later (leaks, waves, secrets).
    case warning = 1
    /// Hurting now or about to (writes failing, nothing evictable under pressure).
    case critical = 2

    public static func < (a: FindingSeverity, b: FindingSeverity) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .info: "info"
        case .warning: "warning"
        case .critical: "critical"
        }
    }
}
