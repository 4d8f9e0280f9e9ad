/// One rule's state on one node.
public struct Alert: Sendable, Equatable, Identifiable {
    public enum State: String, Sendable, Equatable, Codable {
        /// Breached, but not yet for the rule's duration.
        case pending
        case firing
        /// Was firing; the condition cleared at `resolvedAt`.
        case resolved
    }

    public var id: String { "\(rule.name)@\(node)" }
    public var rule: AlertRule
    public var node: String
    public var state: State
    /// When the condition was first breached (the start of pending).
    public var since: Double
    /// When it started firing.
    public var firedAt: Double?
    public var resolvedAt: Double?
    /// The metric's newest value.
    public var value: Double?

    public init(rule: AlertRule, node: String, state: State, since: Double, value: Double?) {
        self.rule = rule
        self.node = node
        self.state = state
        self.since = since
        self.value = value
    }
}
