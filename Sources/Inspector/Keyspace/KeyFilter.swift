/// What the Keys pane narrows the index to: a glob over the key bytes and/or a set of types.
public struct KeyFilter: Sendable, Hashable {
    /// Keys must match this pattern (Redis glob semantics); nil matches all.
    public var pattern: GlobPattern?
    /// Keys must have one of these types; empty matches all. Keys whose type is still unknown
    /// pass only when this is empty.
    public var types: Set<RedisKeyType>

    public init(pattern: GlobPattern? = nil, types: Set<RedisKeyType> = []) {
        self.pattern = pattern
        self.types = types
    }

    /// Matches everything.
    public static let all = KeyFilter()

    /// True when nothing is filtered out.
    public var isEmpty: Bool { (pattern == nil || pattern!.matchesEverything) && types.isEmpty }

    /// Whether an indexed key passes (tombstones never do).
    public func accepts(_ id: KeyID, in index: KeyIndex) -> Bool {
        guard index.isLive(id) else { return false }
        if !types.isEmpty && !types.contains(index.type(id)) { return false }
        if let pattern, !pattern.matchesEverything {
            return index.withKeyBytes(id) { pattern.matches(buffer: $0) }
        }
        return true
    }
}
