import TerminalUI

/// The overview pane's own state: which node row is selected, and how far the node table's
/// columns are scrolled (`→` brings in the columns a narrow terminal hides).
public struct OverviewState: Sendable, Equatable {
    public var table = TableState(selected: 0)
    /// Droppable columns scrolled out to the left.
    public var columnScroll = 0
    public init() {}
}
