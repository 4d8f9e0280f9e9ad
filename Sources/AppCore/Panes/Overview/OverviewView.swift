import Inspector
import TerminalUI

/// Pane 1: one row per node with sparklines, the selected node's larger charts and INFO
/// highlights, and the alert list. Answers "is any node sick, since when, and how".
enum OverviewView {
    static func render(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let indices = fleet.visible
        let rowCount = indices.count + (ClusterTotalRow.isShown(overview, fleet, context, indices: indices) ? 1 : 0)
        let tableHeight = min(max(4, rowCount + 3), max(4, area.height * 2 / 5))
        let alertHeight = area.height >= 30 ? 8 : (area.height >= 18 ? 5 : 0)
        // Sentinel mode: the group and its failover timeline take the lower part of the middle.
        let sentinelHeight = fleet.sentinel.map { min(SentinelView.height($0), (area.height - tableHeight - alertHeight) / 2) } ?? 0
        let parts = Layout.vertical([.length(tableHeight), .fill(1), .length(sentinelHeight), .length(alertHeight)]).split(area)
        if let sentinel = fleet.sentinel, sentinelHeight >= 4 { SentinelView.render(sentinel, context, in: parts[2], buffer: &buffer) }
        var table = overview.table
        NodeTableView.render(overview, fleet, context, indices: indices, in: parts[0], buffer: &buffer, table: &table)
        let selected = table.selected.flatMap { indices.indices.contains($0) ? indices[$0] : nil } ?? indices.first
        if let selected, parts[1].height >= 4 {
            NodeDetailView.render(overview, fleet, context, node: fleet.nodes[selected], in: parts[1], buffer: &buffer)
        }
        if alertHeight > 0 { AlertListView.render(overview, fleet, context, in: parts[3], buffer: &buffer) }
    }
}
