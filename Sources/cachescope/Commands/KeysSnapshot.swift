// `cachescope snapshot --keys`: samples every node's keyspace under a deadline and prints the estimated tree.
import AppCore
import ArgumentParser
import Foundation
import Inspector
import RedisClient

/// Walks each node (a cluster: every shard at once, slots in random order where the cursor
/// carries the slot) for at most `--seconds` under the configured scan ceiling, then prints the
/// namespace tree to `--depth` with keys, memory and keys without TTL: exact when the walk
/// finished, else estimates with 95% intervals (``KeyspaceEstimator``). Several standalone nodes
/// are separate keyspaces: one report each (JSON: `{"nodes":[…]}`). Exits 1 when a node fails.
enum KeysSnapshot {
    static func run(_ target: ResolvedTarget, _ arguments: KeysSnapshotArguments, json: Bool) async throws {
        let delimiter = target.config.delimiterByte
        let estimator = KeyspaceEstimator(delimiter: delimiter, depth: arguments.depth)
        let policy = target.config.scanPolicy
        let deadline = ContinuousClock.now + .milliseconds(Int(arguments.seconds * 1000))
        var reports: [(label: String, samples: [KeyspaceSample])] = []
        var failures: [(String, String)] = []
        if let seeds = await ClusterSessionSetup.clusterSeeds(target) {
            let cluster = ClusterClient(seeds: seeds, addressMap: target.addressMap)
            do {
                _ = try await cluster.connect()
                let samples = try await KeyspaceSampler.sample(cluster: cluster, fromReplicas: target.config.readFromReplicas, until: deadline, policy: policy)
                reports.append(("cluster \(seeds.first.map { "\($0.endpoint)" } ?? "")", samples))
            } catch {
                failures.append(("cluster", "\(error)"))
            }
            await cluster.close()
        } else {
            for options in target.options {
                let node = "\(options.endpoint)"
                do {
                    let connection = try await RedisConnection.connect(options)
                    do {
                        let counter = PrefixCounter(delimiter: delimiter, depth: arguments.depth, capacity: policy.prefixCounterCapacity)
                        reports.append((node, try await KeyspaceSampler.sample(connection, node: node, until: deadline, policy: policy, counter: counter)))
                    } catch {
                        failures.append((node, "\(error)"))
                    }
                    await connection.close()
                } catch {
                    failures.append((node, "\(error)"))
                }
            }
        }
        let pictures = reports.map { report in
            var estimates = estimator.estimate(report.samples)
            // A completed walk past the budget: its counted names make the key counts exact.
            if report.samples.count == 1, let sample = report.samples.first, sample.visitedFraction >= 1, sample.sampleRate < 1,
                let counter = sample.prefixCounter
            {
                estimates = estimates.applying(counter)
            }
            return (label: report.label, samples: report.samples, estimates: estimates)
        }
        if json {
            let documents =
                pictures.map { $0.estimates.json(nodes: $0.samples) }
                + failures.map { "{\"node\":\(DoctorSnapshot.quoted($0.0)),\"error\":\(DoctorSnapshot.quoted($0.1))}" }
            print(documents.count == 1 ? documents[0] : "{\"nodes\":[\n" + documents.joined(separator: ",\n") + "\n]}")
        } else {
            for picture in pictures {
                print(KeysSnapshotText.render(picture.estimates, label: picture.label, seconds: arguments.seconds, delimiter: delimiter))
            }
            for (node, error) in failures { print("cachescope keys \(node): DOWN \(error)\n") }
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
