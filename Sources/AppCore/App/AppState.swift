import Inspector
import TerminalUI

/// Everything the screen shows, owned by one loop (`AppRuntime`) and changed only by
/// `AppUpdate.update`. Nothing here waits on the network.
public struct AppState: Sendable {
    public var pane: Pane = .overview
    /// One entry per node, in the order given on the command line (or discovered).
    public var nodes: [NodeHealth]
    /// `:node N` narrows the panes to one node (an index into `nodes`).
    public var focusedNode: Int?
    public var alerts: AlertEngine
    public var overview = OverviewState()
    public var keys = KeysState()
    public var leaderboard = LeaderboardState()
    public var server = ServerState()
    public var pubsub = PubSubState()
    /// Wall-clock milliseconds, for TTL countdowns (key deadlines are wall-clock).
    public var wallMilliseconds: Int64 = 0
    public var overlay: Overlay?
    public var status: StatusMessage?
    public var readOnly: Bool
    /// The file being recorded to (`REC` in the title bar), nil when not recording.
    public var recordingPath: String?
    /// TLS verification was turned off with `--insecure`: said in the status bar at all times.
    public var insecureTLS: Bool
    public var theme: Theme
    public var themeName: String
    public var colorSupport: ColorSupport
    public var symbols: Symbols
    public var keymap: AppKeymap
    public var width: Int
    public var height: Int
    /// Monotonic seconds (the same clock as samples).
    public var now: Double
    /// Seconds between samples.
    public var interval: Double
    /// What the title bar says we are connected to (a context name or the first address).
    public var connectionLabel: String
    /// The named connections of the config file, for `:ctx NAME`.
    public var contextNames: [String] = []
    /// Command-line history kept across `:` sessions.
    public var commandHistory: [String] = []
    /// In cluster mode, the cluster's shape (roles, slot counts, health); nil otherwise.
    public var cluster: ClusterOverview?
    /// In Sentinel mode, the group, its failover timeline and whether a primary is confirmed; nil otherwise.
    public var sentinel: SentinelState?
    /// In `cachescope replay`, the replay's clock; nil in a live session. Alerts are then the
    /// recorded transitions (set by the replay), never evaluated from the samples.
    public var replay: ReplayClock?
    /// In a replay, what the recording holds beside samples as at the clock (kept current by the replay).
    public var replayRecords = ReplayRecords()

    public init(
        addresses: [String], alertRules: [AlertRule] = AlertRule.defaults, readOnly: Bool = false, insecureTLS: Bool = false,
        theme: Theme = .default, themeName: String = "default", colorSupport: ColorSupport = .palette256, unicode: Bool = true,
        keymap: AppKeymap? = nil, width: Int = 160, height: Int = 48, now: Double = 0, interval: Double = 1, connectionLabel: String? = nil
    ) {
        self.nodes = addresses.map { NodeHealth(address: $0) }
        self.alerts = AlertEngine(rules: alertRules)
        self.readOnly = readOnly
        self.insecureTLS = insecureTLS
        self.colorSupport = colorSupport
        self.theme = theme.resolved(for: colorSupport)
        self.themeName = themeName
        self.symbols = Symbols.forTerminal(unicode: unicode)
        self.keymap = keymap ?? Keymap(DefaultKeymap.bindings).filtered(readOnly: readOnly)
        self.width = width
        self.height = height
        self.now = now
        self.interval = interval
        self.connectionLabel = connectionLabel ?? addresses.first ?? "-"
    }

    /// The nodes the panes show: the focused one, or all.
    public var visibleNodeIndices: [Int] {
        if let focusedNode, nodes.indices.contains(focusedNode) { return [focusedNode] }
        return Array(nodes.indices)
    }

    /// Whether the keys pane works on the whole cluster (cluster mode, no `:node` focus).
    public var keysSpanCluster: Bool { cluster != nil && focusedNode == nil }

    /// The node the keys pane and other single-node panes work on: the focused one, else (Sentinel
    /// mode) the primary, else the first.
    public var currentNode: Int {
        if let focusedNode { return focusedNode }
        if let primary = sentinel?.overview?.primaryAddress, let index = nodes.firstIndex(where: { $0.address == primary }) { return index }
        return 0
    }

    /// The scope whose bindings apply now.
    public var scope: AppKeymap.Scope { .area(pane) }
}
