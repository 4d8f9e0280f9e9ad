/// One visible row of a flattened tree (the namespace tree of keys, say): the tree model
/// flattens itself, expanded nodes followed by their children, and the view draws the rows.
public struct TreeRow: Sendable, Hashable {
    /// 0 for top-level nodes.
    public var depth: Int
    public var label: DisplayText
    public var isExpanded: Bool
    public var hasChildren: Bool
    /// Right-aligned columns after the label (key count, memory…), aligned across rows.
    public var trailing: [DisplayText]
    /// Laid over the label (e.g. the Redis type colour for leaves).
    public var style: Style

    public init(depth: Int, label: DisplayText, isExpanded: Bool = false, hasChildren: Bool = false, trailing: [DisplayText] = [], style: Style = .plain) {
        self.depth = depth
        self.label = label
        self.isExpanded = isExpanded
        self.hasChildren = hasChildren
        self.trailing = trailing
        self.style = style
    }
}
