import Foundation
import RedisClient

/// Decides whether a session watches a Redis Cluster: `-c` says so; otherwise the first node is
/// asked (`INFO cluster` → `cluster_enabled:1`). Several standalone nodes stay several nodes.
enum ClusterSessionSetup {
    /// The seeds to discover the cluster from, or nil for standalone mode.
    static func clusterSeeds(_ target: ResolvedTarget) async -> [ConnectionOptions]? {
        if target.sentinel != nil { return nil }
        if target.cluster { return target.options }
        guard let first = target.options.first else { return nil }
        var probe = first
        probe.connectTimeout = .seconds(2)
        probe.commandTimeout = .seconds(2)
        // An unreachable node is shown down in standalone mode rather than failing the start.
        guard (try? await ClusterClient.isClusterEnabled(probe)) == true else { return nil }
        return target.options
    }
}
