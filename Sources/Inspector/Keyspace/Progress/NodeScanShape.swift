// What a node's SCAN walk looks like: its cursor layout and the slots it serves, with their keys.

/// One node's keyspace as its `SCAN` walks it: the cursor layout, and in cluster mode the slots
/// the node serves with the keys each held when probed (`CLUSTER COUNTKEYSINSLOT`), which weigh
/// the slots when the cursor is read as progress. Built by ``ScanShapeProbe``; pure data.
public struct NodeScanShape: Sendable, Hashable {
    /// How the node's cursor is laid out.
    public var layout: ScanCursorLayout
    /// Served slots in ascending order (empty for a standalone node).
    public var slots: [Int]
    /// Keys in each of `slots` when probed (same order; empty when not known).
    public var keysPerSlot: [Int]
    /// The server as INFO names it, e.g. `"redis 8.2.3"` or `"valkey 8.1.8"`.
    public var server: String
    /// Whether INFO said `cluster_enabled:1`.
    public var clusterEnabled: Bool

    public init(layout: ScanCursorLayout, slots: [Int] = [], keysPerSlot: [Int] = [], server: String = "", clusterEnabled: Bool = false) {
        self.layout = layout
        self.slots = slots
        self.keysPerSlot = keysPerSlot
        self.server = server
        self.clusterEnabled = clusterEnabled
    }

    /// A standalone node (one table).
    public static let standalone = NodeScanShape(layout: .singleTable)

    /// Whether a server of this name and version keeps one table per slot in cluster mode: Redis
    /// from 7.4 (its `kvstore`), every Valkey from 8.0. Only a fallback: ``ScanShapeProbe`` asks
    /// the server itself when it has keys.
    /// - Parameters:
    ///   - serverName: INFO's `server_name` (`"valkey"`), empty for Redis.
    ///   - version: `valkey_version` for Valkey, `redis_version` otherwise.
    public static func keepsTablePerSlot(serverName: String, version: String) -> Bool {
        let parts = version.split(separator: ".").map { Int($0) ?? 0 }
        let major = parts.first ?? 0
        let minor = parts.count > 1 ? parts[1] : 0
        if serverName.lowercased() == "valkey" { return major >= 8 }
        return major > 7 || (major == 7 && minor >= 4)
    }
}
