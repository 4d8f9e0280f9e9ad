/// One entry of the keymap: the keys, where they apply, the action they trigger, and how the
/// hint bar and help describe it. `Action` and `Area` are the app's own types: the cases its
/// update dispatches on, and the panes or modes a binding can belong to.
public struct KeyBinding<Action: Hashable & Sendable, Area: Hashable & Sendable>: Sendable, Hashable {
    /// Any of these keys triggers the action (e.g. `j` and `↓`).
    public var keys: [Key]
    public var scope: KeyScope<Area>
    /// What the app layer does when one of the keys is pressed.
    public var action: Action
    /// A few words for the hint bar and help, e.g. `"delete key"`.
    public var description: String
    /// Changes data (delete, expire, persist…): dropped in read-only mode.
    public var isDangerous: Bool
    /// Whether the hint bar shows it (help always does).
    public var showInHints: Bool

    public init(_ keys: [Key], scope: KeyScope<Area> = .global, action: Action, description: String, isDangerous: Bool = false, showInHints: Bool = true) {
        self.keys = keys
        self.scope = scope
        self.action = action
        self.description = description
        self.isDangerous = isDangerous
        self.showInHints = showInHints
    }

    public init(_ key: Key, scope: KeyScope<Area> = .global, action: Action, description: String, isDangerous: Bool = false, showInHints: Bool = true) {
        self.init([key], scope: scope, action: action, description: description, isDangerous: isDangerous, showInHints: showInHints)
    }

    /// The keys as shown in hints and help: `j/↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}
