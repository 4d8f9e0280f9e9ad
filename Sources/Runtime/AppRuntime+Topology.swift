// Cluster mode: the topology follower — nodes the cluster reveals join the dashboard live.
import AppCore
import Inspector
import RedisClient

extension AppRuntime {
    /// In cluster mode, follows the cluster client's topology changes for as long as the runtime runs.
    func followTopology() {
        guard let cluster = connections.cluster else { return }
        background.spawn { [weak self] in
            for await topology in cluster.topologyChanges { await self?.topologyChanged(topology, cluster: cluster) }
        }
    }

    /// Nodes new to the topology get a connection and a sampler, and the loop learns the new
    /// shape (roles, slots, health) with the added addresses in the same order.
    private func topologyChanged(_ topology: ClusterTopology, cluster: ClusterClient) async {
        var added: [String] = []
        for node in topology.nodes where !connections.knows(node.endpoint) {
            let connection = ManagedConnection(options: await cluster.connectionOptions(for: node.endpoint))
            let index = connections.add(connection)
            added.append("\(node.endpoint)")
            health.sample([connection], firstNode: index)
        }
        send(.clusterChanged(ClusterOverview(topology), added: added))
    }
}
