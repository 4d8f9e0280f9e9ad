// One changed thing between two snapshots or two moments of a recording.

/// One change: what it is about (`section`, `node`, `name`), the two sides as text, and for a
/// figure its numbers. `name`, `node`, `before`, `after` and `note` may hold server text (a
/// prefix, a client name, a parameter's value): escape them before they reach a terminal.
public struct DiffRow: Sendable, Codable, Equatable {
    public var section: DiffSection
    /// The node's address; nil for a row about the whole keyspace or a cluster.
    public var node: String?
    /// The prefix, parameter, command, client group, figure or event.
    public var name: String
    /// The side before, as text; nil when the thing did not exist then.
    public var before: String?
    /// The side after, as text; nil when it no longer exists.
    public var after: String?
    /// The change as text (`+1.20M`, `+300 (+12%)`, `added`).
    public var change: String
    /// For figures: after − before in the figure's unit (bytes, keys, calls…).
    public var delta: Double?
    /// For figures: the two sides as numbers, in the figure's unit (ratios 0–1, latency in seconds).
    public var beforeValue: Double?
    public var afterValue: Double?
    /// For estimated figures: whether the two 95% intervals overlap, so that the change may be
    /// sampling noise rather than a real one.
    public var withinUncertainty: Bool?
    /// Anything else worth saying (a counter reset, a rate per second).
    public var note: String?

    public init(
        section: DiffSection, node: String?, name: String, before: String?, after: String?, change: String, delta: Double? = nil,
        withinUncertainty: Bool? = nil, note: String? = nil, beforeValue: Double? = nil, afterValue: Double? = nil
    ) {
        self.beforeValue = beforeValue
        self.afterValue = afterValue
        self.section = section
        self.node = node
        self.name = name
        self.before = before
        self.after = after
        self.change = change
        self.delta = delta
        self.withinUncertainty = withinUncertainty
        self.note = note
    }
}
