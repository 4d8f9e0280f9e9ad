// The app-wide health data the overview draws: every node's samples and the alerts.
import Inspector

/// What the overview shows besides its own selection: the nodes' health (shared with the title
/// and alert bars, so it lives in `AppState`), the nodes in view, and the alert engine.
public struct FleetHealth: Sendable {
    /// Every node, by index.
    public var nodes: [NodeHealth]
    /// The nodes in view (all, or the `:node` focus), in order.
    public var visible: [Int]
    public var alerts: AlertEngine

    public init(nodes: [NodeHealth], visible: [Int], alerts: AlertEngine) {
        self.nodes = nodes
        self.visible = visible
        self.alerts = alerts
    }
}

extension AppState {
    /// The overview's view of the nodes and alerts.
    var fleet: FleetHealth { FleetHealth(nodes: nodes, visible: visibleNodeIndices, alerts: alerts) }
}
