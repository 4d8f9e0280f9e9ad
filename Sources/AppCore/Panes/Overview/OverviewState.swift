import TerminalUI

/// The overview pane's own state: which node row is selected.
public struct OverviewState: Sendable, Equatable {
    public var table = TableState(selected: 0)
    public init() {}
}
