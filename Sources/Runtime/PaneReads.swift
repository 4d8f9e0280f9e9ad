// The panes' reads: the server pane's and the leaderboard's polls, and one-shot reads.
import AppCore
import Inspector
import RedisClient

/// Reads the panes ask for, off the loop, each reported back as one message.
///
/// The server pane and the leaderboard poll every interval, and only while they are visible:
/// leaving the pane stops the poll, so a hidden pane adds no load to the server.
final class PaneReads {
    private let scope = TaskScope()
    private let sink: MessageSink
    private let interval: Duration
    private var serverPoll: Task<Void, Never>?
    private var leaderboardPoll: Task<Void, Never>?
    private let features: ServerFeatureCache

    init(sink: MessageSink, interval: Double, features: ServerFeatureCache) {
        self.sink = sink
        self.features = features
        self.interval = .milliseconds(Int(interval * 1000))
    }

    /// Refreshes the server pane of a node (slow log, clients, latency; `COMMANDLOG` where the
    /// node has it) every interval; in a cluster with slot stats, the hot slots of every primary.
    func pollServer(node: Int, on connection: any RedisPipelining, cluster: ClusterClient?) {
        serverPoll?.cancel()
        let cache = features
        serverPoll = poll(connection) { connection in
            let features = await cache.features(node: node, on: connection)
            do {
                var snapshot = try await ServerSnapshot.fetch(from: connection, features: features, clustered: false)
                if let cluster, features.slotStats { try await snapshot.readClusterHotSlots(cluster) }
                return .serverSnapshotLoaded(node: node, result: .success(snapshot))
            } catch {
                return .serverSnapshotLoaded(node: node, result: .failure(LoadError(describing: error)))
            }
        }
    }

    /// Stops the server pane's poll.
    func stopServerPolling() {
        serverPoll?.cancel()
        serverPoll = nil
    }

    /// Reads the first `limit` members of a sorted set every interval.
    func pollLeaderboard(node: Int, key: [UInt8], order: LeaderboardOrder, limit: Int, on connection: any RedisPipelining) {
        leaderboardPoll?.cancel()
        leaderboardPoll = poll(connection) { connection in
            do {
                let snapshot = try await LeaderboardSnapshot.fetch(key: key, limit: limit, order: order, from: connection)
                return .leaderboardLoaded(node: node, key: key, result: .success(snapshot))
            } catch {
                return .leaderboardLoaded(node: node, key: key, result: .failure(LoadError(describing: error)))
            }
        }
    }

    /// Stops the leaderboard's poll.
    func stopLeaderboardPolling() {
        leaderboardPoll?.cancel()
        leaderboardPoll = nil
    }

    /// Looks up the rank of `member` in `key`.
    func findMember(_ member: [UInt8], in key: [UInt8], order: LeaderboardOrder, on connection: any RedisPipelining) {
        readOnce(connection) { connection in
            do {
                let rank = try await LeaderboardSnapshot.rank(of: member, in: key, order: order, from: connection)
                return .memberRankFound(key: key, member: member, result: .success(rank))
            } catch {
                return .memberRankFound(key: key, member: member, result: .failure(LoadError(describing: error)))
            }
        }
    }

    /// Reads how many members each sorted set holds.
    func countSortedSets(_ keys: [[UInt8]], node: Int, on connection: any RedisPipelining) {
        readOnce(connection) { connection in
            do { return .sortedSetsCounted(node: node, keys: keys, result: .success(try await SortedSetSizes.fetch(keys, from: connection))) } catch {
                return .sortedSetsCounted(node: node, keys: keys, result: .failure(LoadError(describing: error)))
            }
        }
    }

    /// Reads the channels other clients of a node listen to (bounded; see `ActiveChannels`).
    func listChannels(node: Int, on connection: any RedisPipelining) {
        readOnce(connection) { connection in
            do { return .channelsListed(node: node, result: .success(try await ActiveChannels.fetch(from: connection))) } catch {
                return .channelsListed(node: node, result: .failure(LoadError(describing: error)))
            }
        }
    }

    /// Reads a node's `notify-keyspace-events`.
    func checkKeyspaceEvents(node: Int, on connection: any RedisPipelining) {
        readOnce(connection) { connection in
            do { return .keyspaceEventsChecked(node: node, result: .success(try await KeyspaceEventsSetting.fetch(from: connection))) } catch {
                return .keyspaceEventsChecked(node: node, result: .failure(LoadError(describing: error)))
            }
        }
    }

    /// Stops every poll and read.
    nonisolated(nonsending) func close() async {
        await scope.cancelAll()
    }

    private func readOnce(_ connection: any RedisPipelining, _ read: @escaping @Sendable (any RedisPipelining) async -> AppMessage) {
        let sink = self.sink
        scope.spawn { sink.send(await read(connection)) }
    }

    /// Runs `read` now and then every interval until cancelled, sending each result.
    private func poll(_ connection: any RedisPipelining, _ read: @escaping @Sendable (any RedisPipelining) async -> AppMessage) -> Task<Void, Never> {
        let sink = self.sink
        let interval = self.interval
        return scope.spawn {
            while !Task.isCancelled {
                let message = await read(connection)
                if Task.isCancelled { break }
                sink.send(message)
                try? await Task.sleep(for: interval)
            }
        }
    }
}
