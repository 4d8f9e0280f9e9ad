/// Where a binding applies: everywhere, or in one area of the app (a pane, a mode). The app
/// names its areas with its own type; an area's `description` titles its help section.
public enum KeyScope<Area: Hashable & Sendable>: Sendable, Hashable {
    case global
    case area(Area)
}

extension KeyScope: CustomStringConvertible where Area: CustomStringConvertible {
    /// The help section's title: "Global", or the area's description (e.g. "Keys").
    public var description: String {
        switch self {
        case .global: return "Global"
        case .area(let area): return area.description
        }
    }
}
