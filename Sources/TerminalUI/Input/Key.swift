/// A key the user pressed, decoded by the backend.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character (including space).
    case character(Character)
    /// A control chord, e.g. `.control("c")` for Ctrl-C.
    case control(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case insert
    case up, down, left, right
    case home, end
    case pageUp, pageDown
    /// F1…F12.
    case function(Int)

    /// The name shown in hints and help, e.g. `q`, `Ctrl-C`, `Shift-Tab`, `PgDn`.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }
}
