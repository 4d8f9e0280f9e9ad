/// Where a binding applies: everywhere, or in one pane (by the pane's name, e.g. `"Keys"`).
public enum KeyScope: Sendable, Hashable, CustomStringConvertible {
    case global
    case pane(String)

    public var description: String {
        switch self {
        case .global: return "Global"
        case .pane(let name): return name
        }
    }
}
