import Foundation
import Synchronization

/// A private Redis Cluster on loopback ports: `primaries` primaries with `replicasPerPrimary`
/// replicas each, every node a ``LocalRedisServer`` in its own temporary directory with
/// `--cluster-enabled yes` and a short `--cluster-node-timeout` (1 s) so failover is quick.
///
/// Created without `redis-cli --cluster create` (which sleeps a second per step): each node gets
/// its own config epoch and slot range, meets the first node, replicas `CLUSTER REPLICATE` their
/// primary, and ``start(primaries:replicasPerPrimary:)`` returns once every node says
/// `cluster_state:ok` and agrees on the slot owners. Every node is stopped by pid in ``stop()``.
public final class LocalRedisCluster: Sendable {
    /// One node of the cluster.
    public struct Node: Sendable {
        /// The server process.
        public let server: LocalRedisServer
        /// The node's cluster id (`CLUSTER MYID`).
        public let id: String
        /// The cluster bus port.
        public let busPort: Int
        /// Whether the node was created as a primary.
        public let createdAsPrimary: Bool
        /// The slots the node was created with (empty for replicas).
        public let slots: ClosedRange<Int>?
        /// The client port.
        public var port: Int { server.port }
        /// The server's pid (0 once stopped).
        public var pid: Int32 { server.pid }
    }

    /// Every node: the primaries first (in slot order), then the replicas (replica i of primary j
    /// at `primaries + j * replicasPerPrimary + i`).
    public let nodes: [Node]
    /// How many primaries the cluster was created with.
    public let primaryCount: Int

    private init(nodes: [Node], primaryCount: Int) {
        self.nodes = nodes
        self.primaryCount = primaryCount
    }

    /// The nodes created as primaries.
    public var primaries: [Node] { Array(nodes.prefix(primaryCount)) }
    /// The nodes created as replicas.
    public var replicas: [Node] { Array(nodes.dropFirst(primaryCount)) }
    /// The client ports of every node.
    public var ports: [Int] { nodes.map(\.port) }
    /// The pids of the running nodes.
    public var pids: [Int32] { nodes.map(\.pid).filter { $0 > 0 } }

    /// The replicas created for primary `index`.
    public func replicas(ofPrimary index: Int) -> [Node] {
        let perPrimary = (nodes.count - primaryCount) / max(1, primaryCount)
        return Array(nodes[(primaryCount + index * perPrimary)..<(primaryCount + (index + 1) * perPrimary)])
    }

    /// Starts the nodes, joins them into one cluster and waits until it is healthy.
    /// - Parameters:
    ///   - primaries: primaries (at least 1; the slots are split evenly in order).
    ///   - replicasPerPrimary: replicas per primary.
    ///   - nodeTimeoutMilliseconds: `cluster-node-timeout` (short, so tests see failover quickly).
    ///   - extraArguments: more arguments for every server (e.g. `--maxmemory 64mb`).
    ///   - timeout: seconds the whole creation may take.
    /// - Throws: ``LocalRedisError`` (redis-server missing, a node failing, no agreement in time);
    ///   nodes already started are stopped.
    public static func start(
        primaries: Int = 3, replicasPerPrimary: Int = 1, nodeTimeoutMilliseconds: Int = 1000,
        extraArguments: [String] = [], timeout: TimeInterval = 30
    ) throws -> LocalRedisCluster {
        precondition(primaries >= 1 && replicasPerPrimary >= 0)
        let total = primaries * (1 + replicasPerPrimary)
        var started: [(server: LocalRedisServer, busPort: Int)] = []
        do {
            for _ in 0..<total { started.append(try startNode(nodeTimeoutMilliseconds, extraArguments)) }
            let deadline = Date().addingTimeInterval(timeout)
            let ids = try started.map { try LoopbackCommand.expect(port: $0.server.port, ["CLUSTER", "MYID"]) }
            var nodes: [Node] = []
            for (index, node) in started.enumerated() {
                let slots = index < primaries ? slotRange(index, of: primaries) : nil
                nodes.append(Node(server: node.server, id: ids[index], busPort: node.busPort, createdAsPrimary: index < primaries, slots: slots))
                // Distinct epochs before meeting, as redis-cli does, so no epoch collision has to be resolved.
                try LoopbackCommand.expect(port: node.server.port, ["CLUSTER", "SET-CONFIG-EPOCH", String(index + 1)])
                if let slots {
                    try LoopbackCommand.expect(port: node.server.port, ["CLUSTER", "ADDSLOTSRANGE", String(slots.lowerBound), String(slots.upperBound)])
                }
            }
            let first = nodes[0]
            for node in nodes.dropFirst() {
                try LoopbackCommand.expect(port: first.port, ["CLUSTER", "MEET", "127.0.0.1", String(node.port), String(node.busPort)])
            }
            try waitUntil(deadline, "every node to know all \(total) nodes") {
                try nodes.allSatisfy { node in
                    let lines = try clusterNodes(node.port)
                    return lines.count == total && !lines.contains { $0.contains("handshake") || $0.contains("noaddr") }
                }
            }
            for (index, node) in nodes.enumerated() where index >= primaries {
                let primary = nodes[(index - primaries) / max(1, replicasPerPrimary)]
                try waitUntil(deadline, "\(node.server.endpointDescription) to replicate \(primary.server.endpointDescription)") {
                    if case .text = try LoopbackCommand.send(port: node.port, ["CLUSTER", "REPLICATE", primary.id]) { return true }
                    return false
                }
            }
            let cluster = LocalRedisCluster(nodes: nodes, primaryCount: primaries)
            try cluster.waitUntilHealthy(deadline: deadline)
            return cluster
        } catch {
            for node in started { node.server.stop() }
            throw error
        }
    }

    /// Stops every node (by pid). Idempotent.
    public func stop() {
        for node in nodes { node.server.stop() }
    }

    /// Waits until every running node says `cluster_state:ok`, sees every slot served, and all
    /// agree on which node serves which slot; replicas must have their link to the primary up.
    public func waitUntilHealthy(deadline: Date) throws {
        try Self.waitUntil(deadline, "the cluster to be healthy (cluster_state:ok, one slot map, replicas in sync)") {
            let running = nodes.filter { $0.pid > 0 }
            var maps: Set<String> = []
            for node in running {
                let info = try LoopbackCommand.expect(port: node.port, ["CLUSTER", "INFO"])
                guard info.contains("cluster_state:ok"), info.contains("cluster_slots_ok:16384") else { return false }
                let lines = try Self.clusterNodes(node.port)
                // The slot owners as this node sees them (ids with their ranges), and no node still waiting to fail.
                let owners = lines.filter { $0.contains("master") && !$0.contains("fail") }
                    .map { line -> String in
                        let fields = line.split(separator: " ")
                        return ([String(fields[0])] + fields.dropFirst(8).map(String.init)).joined(separator: " ")
                    }
                    .sorted().joined(separator: "|")
                maps.insert(owners)
                if lines.contains(where: { $0.contains("myself") && $0.contains("slave") }) {
                    let replication = try LoopbackCommand.expect(port: node.port, ["INFO", "replication"])
                    guard replication.contains("master_link_status:up") else { return false }
                }
            }
            return maps.count == 1
        }
    }

    // MARK: - Helpers

    private static func startNode(_ nodeTimeout: Int, _ extraArguments: [String]) throws -> (server: LocalRedisServer, busPort: Int) {
        var lastError: any Error = LocalRedisError("a cluster node did not start")
        // The bus port is chosen apart from the client port (client port + 10000 may not exist).
        for _ in 0..<3 {
            let busPort = try FreePort.find()
            do {
                let server = try LocalRedisServer.start(
                    [
                        "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", String(nodeTimeout), "--cluster-port", String(busPort),
                        // Replicas sync at once (the default waits 5 s for more replicas to share a transfer).
                        "--repl-diskless-sync-delay", "0",
                        // Stop at once on SIGTERM: a primary would otherwise wait up to 10 s for lagging replicas.
                        "--shutdown-on-sigterm", "nosave now",
                    ] + extraArguments)
                return (server, busPort)
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// The `index`-th of `count` even slot ranges covering 0…16383.
    static func slotRange(_ index: Int, of count: Int) -> ClosedRange<Int> {
        let lower = index * 16384 / count
        let upper = (index + 1) * 16384 / count - 1
        return lower...upper
    }

    static func clusterNodes(_ port: Int) throws -> [String] {
        try LoopbackCommand.expect(port: port, ["CLUSTER", "NODES"]).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    static func waitUntil(_ deadline: Date, _ what: String, _ condition: () throws -> Bool) throws {
        var lastError: (any Error)?
        while Date() < deadline {
            do {
                if try condition() { return }
            } catch {
                lastError = error
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw LocalRedisError("timed out waiting for \(what)" + (lastError.map { " (last error: \($0))" } ?? ""))
    }
}
