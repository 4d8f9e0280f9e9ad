import Foundation
import RESP
import RedisClient
import Synchronization

/// The soak's load, from this process: cache-aside traffic over the cluster (a pipelined batch of
/// `GET`s, then `SETEX` for the misses) paced to a rate of operations per second, and a pub/sub
/// stream published on the node where the dashboard's subscriber is, with the server's own count
/// of the receivers it delivered each message to.
final class SoakTraffic: Sendable {
    /// Operations (GET + SETEX) answered.
    let operations = Atomic<Int>(0)
    /// Batches that failed (a failover or a pause in the way).
    let failedBatches = Atomic<Int>(0)
    /// Messages published.
    let published = Atomic<Int>(0)
    /// Sum of the `PUBLISH` replies: deliveries the server made to its subscribers.
    let delivered = Atomic<Int>(0)
    /// `PUBLISH` batches that failed.
    let failedPublishes = Atomic<Int>(0)
    private let stopped = Flag()
    private let publishing = Flag()

    static let keyCount = 200_000
    static let ttlSeconds = 60
    static let channelPrefix = "soak:events:"

    /// Stops both loops.
    func stop() {
        stopped.value.store(true, ordering: .relaxed)
        publishing.value.store(false, ordering: .relaxed)
    }

    /// Stops publishing only (so the counts can settle).
    func stopPublishing() { publishing.value.store(false, ordering: .relaxed) }

    /// Runs `workers` cache-aside loops sharing `rate` operations per second, until ``stop()``.
    func runCacheAside(cluster: ClusterClient, rate: Int, workers: Int = 4) async {
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask { [self] in
                    var random = SystemRandomNumberGenerator()
                    let value = String(repeating: "v", count: 100)
                    let share = Double(rate) / Double(workers)
                    var done = 0.0
                    while !stopped.value.load(ordering: .relaxed) {
                        // Paced: never more than the share of `rate` since the start.
                        let allowed = (ContinuousClock.now - start).seconds * share
                        // After a stall, at most a second's share to catch up: no burst.
                        done = max(done, allowed - share)
                        if done >= allowed {
                            try? await Task.sleep(for: .milliseconds(5))
                            continue
                        }
                        let keys = (0..<200).map { _ in "soak:key:\(Int.random(in: 0..<Self.keyCount, using: &random))" }
                        do {
                            let replies = try await cluster.pipeline(keys.map { RedisCommand("GET", $0) })
                            let misses = zip(keys, replies).filter { $0.1.isNull }.map(\.0)
                            if !misses.isEmpty {
                                _ = try await cluster.pipeline(misses.map { RedisCommand("SETEX", $0, String(Self.ttlSeconds), value) })
                            }
                            let count = keys.count + misses.count
                            done += Double(count)
                            operations.add(count, ordering: .relaxed)
                        } catch {
                            failedBatches.add(1, ordering: .relaxed)
                            done += Double(keys.count)
                            try? await Task.sleep(for: .milliseconds(200))
                        }
                    }
                    _ = worker
                }
            }
        }
    }

    /// Publishes `rate` messages a second (in batches every 50 ms, on one connection to
    /// `endpoint`) on a few channels under ``channelPrefix``, until ``stopPublishing()``.
    func runPublisher(endpoint: RedisEndpoint, rate: Int) async {
        publishing.value.store(true, ordering: .relaxed)
        let connection = ManagedConnection(options: ConnectionOptions(endpoint: endpoint, commandTimeout: .seconds(30), clientName: "soak-publisher"))
        let start = ContinuousClock.now
        var sequence = 0
        while publishing.value.load(ordering: .relaxed) {
            let due = Int((ContinuousClock.now - start).seconds * Double(rate))
            if sequence >= due {
                try? await Task.sleep(for: .milliseconds(50))
                continue
            }
            let batch = (sequence..<min(due, sequence + 1000)).map { n in
                RedisCommand("PUBLISH", "\(Self.channelPrefix)\(n % 8)", "{\"n\":\(n),\"kind\":\"soak\"}")
            }
            do {
                let replies = try await connection.pipeline(batch)
                published.add(batch.count, ordering: .relaxed)
                delivered.add(replies.reduce(0) { $0 + Int($1.int ?? 0) }, ordering: .relaxed)
            } catch {
                // Not published as far as we know: not counted, and not sent again.
                failedPublishes.add(1, ordering: .relaxed)
                try? await Task.sleep(for: .milliseconds(200))
            }
            sequence += batch.count
        }
        await connection.close()
    }
}
