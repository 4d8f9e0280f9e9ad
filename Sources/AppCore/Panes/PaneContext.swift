// What a pane sees of the app besides its own state, and how it speaks back to the app.
import Inspector
import TerminalUI

/// The small context every pane's update and render get with their own state.
///
/// Read: the clock, the screen size, the node the panes work on, read-only mode, the theme.
/// Written back by the app after the pane's update: the status line, the overlay (a dialog the
/// pane opens or closes), and requests for the app or another pane (``PaneRequest``), which the
/// app routes as messages: no pane changes another pane's state directly.
public struct PaneContext: Sendable {
    /// The pane on screen.
    public var pane: Pane
    /// Monotonic seconds (the same clock as samples).
    public var now: Double
    /// Wall-clock milliseconds, for TTL countdowns.
    public var wallMilliseconds: Int64
    /// The screen's size.
    public var width: Int
    public var height: Int
    /// The node single-node panes work on: the focused one, or the first.
    public var currentNode: Int
    /// Every node's address, by index.
    public var addresses: [String]
    /// Cluster mode: the cluster's shape; nil otherwise.
    public var cluster: ClusterOverview?
    /// Whether the keys pane works on the whole cluster (cluster mode, no `:node` focus).
    public var keysSpanCluster: Bool
    /// Changes are refused.
    public var readOnly: Bool
    /// Seconds between samples.
    public var interval: Double
    public var theme: Theme
    public var symbols: Symbols
    /// The status line; a pane's update may set or clear it.
    public var status: StatusMessage?
    /// What is drawn over the pane; a pane's update may open or close its own dialogs.
    public var overlay: Overlay?
    /// What the pane asks of the app or of another pane, in order.
    public private(set) var requests: [PaneRequest] = []

    public init(
        pane: Pane = .overview, now: Double, wallMilliseconds: Int64, width: Int, height: Int, currentNode: Int, addresses: [String],
        cluster: ClusterOverview? = nil, keysSpanCluster: Bool = false, readOnly: Bool = false, interval: Double = 1,
        theme: Theme = .default, symbols: Symbols = .unicode, status: StatusMessage? = nil, overlay: Overlay? = nil
    ) {
        self.pane = pane
        self.now = now
        self.wallMilliseconds = wallMilliseconds
        self.width = width
        self.height = height
        self.currentNode = currentNode
        self.addresses = addresses
        self.cluster = cluster
        self.keysSpanCluster = keysSpanCluster
        self.readOnly = readOnly
        self.interval = interval
        self.theme = theme
        self.symbols = symbols
        self.status = status
        self.overlay = overlay
    }

    /// Asks the app (or another pane) for `request` once this update is done.
    public mutating func request(_ request: PaneRequest) {
        requests.append(request)
    }

    /// Node `node`'s address, or a placeholder for an index no longer known.
    public func address(_ node: Int) -> String {
        addresses.indices.contains(node) ? addresses[node] : "node \(node + 1)"
    }
}

/// What a pane asks of the app or of another pane; the app routes each one after the update.
public enum PaneRequest: Sendable, Equatable {
    /// Show `pane` (starting whatever it needs the first time it is seen).
    case show(Pane)
    /// The leaderboard watches sorted set `key` of node `node`, and is shown.
    case watchSortedSet(key: [UInt8], node: Int)
}

extension AppState {
    /// The context panes get: read from this state, written back by ``apply(_:)``.
    public var paneContext: PaneContext {
        PaneContext(
            pane: pane, now: now, wallMilliseconds: wallMilliseconds, width: width, height: height, currentNode: currentNode,
            addresses: nodes.map(\.address), cluster: cluster, keysSpanCluster: keysSpanCluster, readOnly: readOnly,
            interval: interval, theme: theme, symbols: symbols, status: status, overlay: overlay)
    }

    /// Takes back what a pane's update wrote to its context (status, overlay).
    mutating func take(_ context: PaneContext) {
        status = context.status
        overlay = context.overlay
    }
}
