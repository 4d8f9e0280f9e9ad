import AppCore
import Foundation
import Inspector
import RedisClient

/// The nodes one dashboard session watches: the given ones, or in cluster mode every node the
/// topology lists (primaries and replicas), with the connected cluster client.
struct SessionNodes {
    var connections: [ManagedConnection]
    var addresses: [String]
    var cluster: ClusterClient?
    var overview: ClusterOverview?
    /// Sentinel mode: the client following the group, and the group as first read.
    var sentinel: SentinelClient?
    var sentinelOverview: SentinelOverview?

    /// Finds the Sentinel group's nodes when `target` names sentinels (`ask`: which group, on the
    /// terminal, when none is named); connects to the cluster when `target` is one (`-c`, or detected); otherwise fresh
    /// connections to the given nodes (made lazily: an unreachable node is shown down).
    /// - Throws: when cluster discovery fails from every seed.
    static func discover(_ target: ResolvedTarget, ask: Bool = false) async throws -> SessionNodes {
        if let sentinel = target.sentinel {
            let (client, topology) = try await SentinelSessionSetup.discover(target, sentinel: sentinel, ask: ask)
            return SessionNodes(
                connections: topology.nodes.map { ManagedConnection(options: client.nodeOptions(for: $0)) },
                addresses: topology.nodes.map { "\($0)" }, sentinel: client, sentinelOverview: SentinelOverview(topology))
        }
        guard let seeds = await ClusterSessionSetup.clusterSeeds(target) else {
            return SessionNodes(
                connections: target.options.map { ManagedConnection(options: $0) },
                addresses: target.options.map { "\($0.endpoint)" })
        }
        let client = ClusterClient(seeds: seeds, addressMap: target.addressMap)
        do {
            let topology = try await client.connect()
            var connections: [ManagedConnection] = []
            var addresses: [String] = []
            for node in topology.nodes {
                connections.append(ManagedConnection(options: await client.connectionOptions(for: node.endpoint)))
                addresses.append("\(node.endpoint)")
            }
            return SessionNodes(connections: connections, addresses: addresses, cluster: client, overview: ClusterOverview(topology))
        } catch {
            await client.close()
            throw ClusterDiscoveryError(underlying: "\(error)")
        }
    }
}

/// Cluster discovery failed from every seed.
struct ClusterDiscoveryError: Error, CustomStringConvertible {
    var underlying: String
    var description: String { "cluster discovery failed: \(underlying)" }
}
