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
    /// Sentinel mode: the group and its failover timeline (nil otherwise).
    public var sentinel: SentinelState?

    public init(nodes: [NodeHealth], visible: [Int], alerts: AlertEngine, sentinel: SentinelState? = nil) {
        self.nodes = nodes
        self.visible = visible
        self.alerts = alerts
        self.sentinel = sentinel
    }
}

extension AppState {
    /// The overview's view of the nodes and alerts.
    var fleet: FleetHealth { FleetHealth(nodes: nodes, visible: visibleNodeIndices, alerts: alerts, sentinel: sentinel) }
}
