/// The bindings of the app: lookup by key and scope, and the hint bar and help generated from
/// them. The app layer defines the default bindings, its action enum and its areas; a key
/// pressed in an area comes back as one of its actions.
public struct Keymap<Action: Hashable & Sendable, Area: Hashable & Sendable>: Sendable, Hashable {
    public typealias Binding = KeyBinding<Action, Area>
    public typealias Scope = KeyScope<Area>

    public private(set) var bindings: [Binding]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
    }

    /// The binding `key` triggers in `scope`: the area's own bindings first, then global ones.
    public func binding(for key: Key, scope: Scope) -> Binding? {
        if scope != .global, let b = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
            return b
        }
        return bindings.first { $0.scope == .global && $0.keys.contains(key) }
    }

    /// The action `key` triggers in `scope`, or nil.
    public func lookup(_ key: Key, scope: Scope) -> Action? {
        binding(for: key, scope: scope)?.action
    }

    /// This keymap without dangerous bindings when `readOnly`; unchanged otherwise.
    public func filtered(readOnly: Bool) -> Keymap {
        readOnly ? Keymap(bindings.filter { !$0.isDangerous }) : self
    }

    /// Hints for the hint bar in `scope`: the area's bindings, then the global ones.
    public func hints(for scope: Scope) -> [KeyHint] {
        relevant(to: scope).filter(\.showInHints).map(Self.hint)
    }

    /// Hints for `scope` with the bindings of `first` leading, in that order (a narrow hint bar
    /// keeps what comes first; a leading binding shows even if kept out of the hint bar
    /// otherwise), then the rest as `hints(for:)` orders them. An action with no binding here
    /// (read-only mode) is skipped.
    public func hints(for scope: Scope, first: [Action]) -> [KeyHint] {
        let relevant = relevant(to: scope)
        let leading = first.compactMap { action in relevant.first { $0.action == action } }
        let rest = relevant.filter { binding in binding.showInHints && !leading.contains(binding) }
        return (leading + rest).map(Self.hint)
    }

    /// The binding for `action` in `scope` with its keys replaced (config overrides). Keys the
    /// new binding takes are removed from other bindings of the same scope so they stay unique.
    /// - Returns: false when no binding has that action.
    @discardableResult
    public mutating func rebind(action: Action, scope: Scope? = nil, to keys: [Key]) -> Bool {
        guard let index = bindings.firstIndex(where: { $0.action == action && (scope == nil || $0.scope == scope) }) else {
            return false
        }
        let target = bindings[index].scope
        for i in bindings.indices where i != index && bindings[i].scope == target {
            bindings[i].keys.removeAll { keys.contains($0) }
        }
        bindings[index].keys = keys
        return true
    }

    /// `rebind(action:scope:to:)` with keys written as config files write them
    /// (`["Ctrl-D", "x"]`).
    /// - Returns: false when no binding has that action.
    /// - Throws: `KeyParseError` for the first name that is not a key; nothing is changed then.
    @discardableResult
    public mutating func rebind(action: Action, scope: Scope? = nil, toKeyNames names: [String]) throws(KeyParseError) -> Bool {
        var keys: [Key] = []
        for name in names { keys.append(try Key(parsing: name)) }
        return rebind(action: action, scope: scope, to: keys)
    }

    private func relevant(to scope: Scope) -> [Binding] {
        let own = scope == .global ? [] : bindings.filter { $0.scope == scope }
        return own + bindings.filter { $0.scope == .global }
    }

    private static func hint(_ binding: Binding) -> KeyHint {
        KeyHint(keys: binding.keyLabel, description: binding.description, isDangerous: binding.isDangerous)
    }
}

extension Keymap where Area: CustomStringConvertible {
    /// Help sections for `scope`: the area's bindings under its description, then a "Global"
    /// section.
    public func helpSections(for scope: Scope) -> [HelpSection] {
        var sections: [HelpSection] = []
        if scope != .global {
            let own = bindings.filter { $0.scope == scope }.map(Self.hint)
            if !own.isEmpty { sections.append(HelpSection(title: scope.description, entries: own)) }
        }
        let global = bindings.filter { $0.scope == .global }.map(Self.hint)
        if !global.isEmpty { sections.append(HelpSection(title: Scope.global.description, entries: global)) }
        return sections
    }
}
