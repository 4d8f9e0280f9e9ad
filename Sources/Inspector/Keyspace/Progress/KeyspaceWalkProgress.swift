// Progress by the cursor for whatever a scanner walks: one node, or a whole cluster through one cursor.

/// How the cursors of one scan read as progress: one node's, or a cluster's composite cursor.
/// The scanner holds one (probed when the scan starts) and fills `ScanProgress.visitedFraction`.
public enum KeyspaceWalkProgress: Sendable, Hashable {
    case node(NodeScanProgress)
    case cluster(ClusterScanProgress)

    /// The share of the keyspace visited once `SCAN` returned `cursor` (1 after `0`); nil when the
    /// cursor cannot be read.
    public func visitedFraction(afterReturning cursor: some Collection<UInt8>) -> Double? {
        switch self {
        case .node(let node): node.visitedFraction(afterReturning: cursor)
        case .cluster(let cluster): cluster.visitedFraction(afterReturning: cursor)
        }
    }
}
