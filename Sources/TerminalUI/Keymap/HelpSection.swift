/// A titled group of bindings in the help overlay (one per scope).
public struct HelpSection: Sendable, Hashable {
    public var title: String
    public var entries: [KeyHint]

    public init(title: String, entries: [KeyHint]) {
        self.title = title
        self.entries = entries
    }
}
