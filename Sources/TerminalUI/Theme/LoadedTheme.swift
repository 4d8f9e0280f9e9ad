/// What `ThemeLoader` found: the theme, which roles fell back to `Theme.default`, and what it
/// ignored in the file.
public struct LoadedTheme: Sendable, Hashable {
    public var theme: Theme
    /// Roles the file did not set (or set to something unusable), in `Theme.roleNames` order.
    public var fellBack: [String]
    /// One line each, `file:line: …`: unknown keys, unparsable colours, wrong value types.
    public var warnings: [String]

    public init(theme: Theme, fellBack: [String], warnings: [String]) {
        self.theme = theme
        self.fellBack = fellBack
        self.warnings = warnings
    }
}
