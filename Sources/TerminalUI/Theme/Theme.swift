/// Colours and modifiers by role. Panes never name colours: they ask the theme for a role.
///
/// Each role is a `Style` (foreground, background, modifiers), so a monochrome theme can use
/// modifiers alone. `Theme.default` is the built-in dark theme; `ThemeLoader` lays a TOML file
/// over it; `resolved(for:)` fits the colours to what the terminal can show.
public struct Theme: Sendable, Hashable {
    public var name: String
    /// The screen's base: usually only a background colour.
    public var background: Style
    public var text: Style
    /// Secondary text: descriptions, units, disabled items.
    public var muted: Style
    /// Emphasis: key names in hints, the focused border, the active tab.
    public var accent: Style
    /// The selected row of a table, list or tree.
    public var selection: Style
    public var border: Style
    public var title: Style
    /// Healthy values (hit rate fine, memory low).
    public var ok: Style
    /// Values near an alert threshold.
    public var warn: Style
    /// Alerts, errors, dangerous confirmations.
    public var critical: Style
    /// Sparkline colours from low to high values.
    public var sparkline: [Color]
    /// One style per Redis data type, for the type column and tree markers.
    public var types: RedisTypeStyles

    public init(
        name: String, background: Style, text: Style, muted: Style, accent: Style, selection: Style,
        border: Style, title: Style, ok: Style, warn: Style, critical: Style, sparkline: [Color],
        types: RedisTypeStyles
    ) {
        self.name = name
        self.background = background
        self.text = text
        self.muted = muted
        self.accent = accent
        self.selection = selection
        self.border = border
        self.title = title
        self.ok = ok
        self.warn = warn
        self.critical = critical
        self.sparkline = sparkline
        self.types = types
    }

    /// The names of the roles a theme file can set, as the loader reports them.
    public static let roleNames: [String] =
        [
            "background", "text", "muted", "accent", "selection", "border", "title", "ok", "warn", "critical",
            "sparkline",
        ] + RedisTypeStyles.typeNames.map { "types.\($0)" }

    /// The style of a single-style role by name (`"accent"`, `"types.zset"`); nil for unknown
    /// names and for `"sparkline"`.
    public func style(role: String) -> Style? {
        switch role {
        case "background": return background
        case "text": return text
        case "muted": return muted
        case "accent": return accent
        case "selection": return selection
        case "border": return border
        case "title": return title
        case "ok": return ok
        case "warn": return warn
        case "critical": return critical
        default:
            guard role.hasPrefix("types.") else { return nil }
            return types.style(for: String(role.dropFirst("types.".count)))
        }
    }

    /// Sets a single-style role by name; returns false for an unknown name.
    @discardableResult
    public mutating func setStyle(_ style: Style, role: String) -> Bool {
        switch role {
        case "background": background = style
        case "text": text = style
        case "muted": muted = style
        case "accent": accent = style
        case "selection": selection = style
        case "border": border = style
        case "title": title = style
        case "ok": ok = style
        case "warn": warn = style
        case "critical": critical = style
        default:
            guard role.hasPrefix("types.") else { return false }
            return types.setStyle(style, for: String(role.dropFirst("types.".count)))
        }
        return true
    }

    /// The style for a Redis type name as `TYPE` returns it (`"string"`, `"zset"`, …).
    public func style(forRedisType type: String) -> Style {
        types.style(for: type) ?? types.other
    }

    /// `ok`, `warn` or `critical` for a value against two thresholds (higher is worse).
    public func level(_ value: Double, warnAt: Double, criticalAt: Double) -> Style {
        if value >= criticalAt { return critical }
        if value >= warnAt { return warn }
        return ok
    }
}
