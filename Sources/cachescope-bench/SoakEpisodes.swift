import Foundation
import RESP
import RedisClient
import Synchronization

/// What the soak does to the cluster: a manual failover (`CLUSTER FAILOVER` on a replica), a
/// network episode (a partition of one primary's client port, or loss on the subscriber's node:
/// real packet drops, see ``SoakNetwork``; the cluster bus goes on so no failover follows), and
/// the admin commands the soak reads with.
enum SoakEpisodes {
    /// One command on a short-lived connection to 127.0.0.1:`port`.
    static func admin(_ port: Int, _ command: RedisCommand) async throws -> RESPValue {
        let connection = try await RedisConnection.connect(
            ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: port), commandTimeout: .seconds(10), clientName: "soak-admin"))
        defer { Task { await connection.close() } }
        return try await connection.sendReply(command)
    }

    /// The `CLUSTER NODES` lines of the first node in `ports` that answers.
    static func clusterNodes(_ ports: [Int]) async -> [String] {
        for port in ports {
            if let text = try? await admin(port, RedisCommand("CLUSTER", "NODES")).string {
                return text.split(separator: "\n").map(String.init)
            }
        }
        return []
    }

    /// The client ports of the nodes that are `role` (`master`/`slave`) and not failing.
    static func ports(_ role: String, _ ports: [Int]) async -> [Int] {
        await clusterNodes(ports).compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 2, fields[2].split(separator: ",").contains(Substring(role)), !fields[2].contains("fail") else { return nil }
            let address = fields[1].split(separator: "@").first ?? ""
            return address.split(separator: ":").last.flatMap { Int($0) }
        }.sorted()
    }

    /// `CLUSTER FAILOVER` on the `turn`-th replica; a short description of what was done.
    static func failover(turn: Int, ports all: [Int]) async -> String {
        let replicas = await ports("slave", all)
        guard !replicas.isEmpty else { return "failover: no replica to promote" }
        let port = replicas[turn % replicas.count]
        do {
            let reply = try await admin(port, RedisCommand("CLUSTER", "FAILOVER"))
            return "failover: \(port) promoted (\(reply.errorMessage ?? "OK"))"
        } catch {
            return "failover: \(port) failed (\(error))"
        }
    }

    /// What a network episode does and for how long.
    struct NetworkEpisode: Sendable {
        var partitionSeconds = 30.0
        var lossPercent = 10
        var lossSeconds = 60.0
    }

    /// Even turns: a partition of a primary other than the subscriber's node (its clients hear
    /// nothing, no reset, for `partitionSeconds`). Odd turns: `lossPercent`% of the packets to and
    /// from the subscriber's node dropped for `lossSeconds` (TCP retransmits; the stream goes on).
    static func network(turn: Int, episode: NetworkEpisode, subscriberPort: Int, ports all: [Int]) async -> String {
        do {
            if turn % 2 == 0 {
                let primaries = await ports("master", all).filter { $0 != subscriberPort }
                guard !primaries.isEmpty else { return "partition: no primary" }
                let port = primaries[(turn / 2) % primaries.count]
                try SoakNetwork.partition(port: port)
                try await Task.sleep(for: .seconds(episode.partitionSeconds))
                let dropped = try SoakNetwork.heal()
                return "partition: \(port) cut \(Int(episode.partitionSeconds)) s (\(dropped) packets dropped)"
            }
            try SoakNetwork.loss(port: subscriberPort, percent: episode.lossPercent)
            try await Task.sleep(for: .seconds(episode.lossSeconds))
            let dropped = try SoakNetwork.heal()
            return "loss: \(episode.lossPercent)% on \(subscriberPort) for \(Int(episode.lossSeconds)) s (\(dropped) packets dropped)"
        } catch {
            _ = try? SoakNetwork.heal()
            return "network episode failed: \(error)"
        }
    }

    /// The port of the node where a client named `name` has a pattern subscription, asked every
    /// 100 ms until `limit` has passed; nil if none had one by then.
    static func subscriberPort(named name: String, _ all: [Int], within limit: Duration) async -> Int? {
        let deadline = ContinuousClock.now + limit
        repeat {
            for port in all {
                let list = (try? await admin(port, RedisCommand("CLIENT", "LIST")).string) ?? ""
                if list.split(separator: "\n").contains(where: { $0.contains("name=\(name) ") && !$0.contains("psub=0") }) { return port }
            }
            try? await Task.sleep(for: .milliseconds(100))
        } while ContinuousClock.now < deadline
        return nil
    }
}

/// Episode outcomes reported by detached tasks, taken by the next sample.
final class EventLog: Sendable {
    private let events = Mutex<[String]>([])

    func add(_ event: String) { events.withLock { $0.append(event) } }

    func take() -> [String] {
        events.withLock { taken in
            defer { taken = [] }
            return taken
        }
    }
}
