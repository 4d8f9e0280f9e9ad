// The keys pane's work: the keyspace index per node (or per cluster), value reads, the doctor.
import AppCore
import Inspector
import RedisClient

/// Owns the keyspace scanners and runs the keys pane's reads.
///
/// A standalone node's index does `SCAN` on its keyspace connection and lookups on a second one,
/// so they overlap. In cluster mode one index spans the cluster (SCAN walks every primary, or a
/// replica of each; lookups go to each key's owner), and `:node N` indexes one node alone.
final class KeyspaceWork {
    private let scope = TaskScope()
    private let sink: MessageSink
    private let policy: ScanLoadPolicy
    private let delimiter: UInt8
    private var scanners: [Int: KeyspaceScanner] = [:]
    private var clusterScanner: KeyspaceScanner?
    /// Per node, the scan start in flight: starts run in the order asked.
    private var starts: [Int: Task<Void, Never>] = [:]
    /// The cluster's first picture being sampled (``KeyspacePicture``).
    private var picture: Task<Void, Never>?
    /// How long the first picture samples every shard for.
    static let pictureSeconds: Duration = .seconds(2)
    private let features: ServerFeatureCache

    init(sink: MessageSink, policy: ScanLoadPolicy, delimiter: UInt8, features: ServerFeatureCache) {
        self.sink = sink
        self.features = features
        self.policy = policy
        self.delimiter = delimiter
    }

    /// (Re)indexes node `node` (or, `clusterWide`, the whole cluster) with `filter`'s glob as
    /// SCAN MATCH.
    func startScan(node: Int, filter: KeyFilter, clusterWide: Bool, connections: NodeConnections) {
        guard connections.contains(node) else { return }
        let scanner = scanner(node: node, clusterWide: clusterWide && connections.cluster != nil, connections)
        // A scan asked for after the node came back must not fail on its connections' backoff.
        let scanConnections = connections.scanConnections(node)
        let previous = starts[node]
        starts[node] = scope.spawn {
            await previous?.value
            for connection in scanConnections {
                await connection.reconnectNowIfDown()
                await connection.waitForAttempt()
            }
            await scanner.start(filter: filter)
        }
        if clusterWide, filter.isEmpty, let cluster = connections.cluster { samplePicture(cluster, fromReplicas: connections.readFromReplicas) }
    }

    /// Samples every shard at once for ``pictureSeconds``, slots drawn at random, and sends the
    /// estimates as the cluster's first picture: the exact walk goes node after node, so until it
    /// ends what it has seen is no sample of the cluster.
    private func samplePicture(_ cluster: ClusterClient, fromReplicas: Bool) {
        picture?.cancel()
        let (sink, delimiter) = (self.sink, self.delimiter)
        var sampling = self.policy
        sampling.useLookupScript = false
        let policy = sampling
        picture = scope.spawn {
            let deadline = ContinuousClock.now + Self.pictureSeconds
            // No picture when a shard fails: the walk still shows what it has seen.
            guard let samples = try? await KeyspaceSampler.sample(cluster: cluster, fromReplicas: fromReplicas, until: deadline, policy: policy) else { return }
            let estimates = KeyspaceEstimator(delimiter: delimiter, depth: KeyspacePicture.depth).estimate(samples)
            if !Task.isCancelled { sink.send(.keyspacePictured(estimates)) }
        }
    }

    /// Reads `keys` again into the index (after a change, or when they were found gone).
    func refresh(_ keys: [[UInt8]], node: Int, clusterWide: Bool) {
        guard let scanner = clusterWide ? clusterScanner : scanners[node] else { return }
        scope.spawn { _ = try? await scanner.refresh(keys) }
    }

    /// Reads a key's detail and the first page of its value (`cursor` nil), or the page at `cursor`.
    /// A hash's pages carry their fields' TTLs where node `node` has field TTLs; a stream, a
    /// vector set or a module type also gets its summary after the first page.
    /// - Parameters:
    ///   - connection: where commands about the key go.
    ///   - probe: a connection to node `node` itself, for its features.
    func read(_ key: [UInt8], type: RedisKeyType, from cursor: ValueCursor?, node: Int, on connection: any RedisPipelining, probe: any RedisPipelining) {
        let inspector = KeyInspector(connection: connection)
        let sink = self.sink
        let cache = features
        scope.spawn {
            let features = await cache.features(node: node, on: probe)
            @Sendable func page(_ type: RedisKeyType, _ cursor: ValueCursor) async throws -> ValuePage {
                guard type == .hash, features.hashFieldTTLs else { return try await inspector.page(of: key, type: type, from: cursor) }
                return try await HashFieldTTLs.valuePage(inspector, of: key, from: cursor)
            }
            guard let cursor else {
                let detail: KeyDetail
                let first: ValuePage
                do {
                    guard let read = try await inspector.detail(of: key, expectedType: type) else {
                        sink.send(.keyDetailLoaded(key: key, result: .success(nil)))
                        return
                    }
                    detail = read
                    sink.send(.keyDetailLoaded(key: key, result: .success(detail)))
                    first = try await page(detail.type, .start)
                    sink.send(.valuePageLoaded(key: key, result: .success(first)))
                } catch {
                    sink.send(.keyDetailLoaded(key: key, result: .failure(LoadError(describing: error))))
                    return
                }
                do {
                    if let summary = try await ValueSummary.read(connection, for: first, memory: detail.memory) {
                        sink.send(.valueSummaryLoaded(key: key, result: .success(summary)))
                    }
                } catch {
                    sink.send(.valueSummaryLoaded(key: key, result: .failure(LoadError(describing: error))))
                }
                return
            }
            do {
                sink.send(.valuePageLoaded(key: key, result: .success(try await page(type, cursor))))
            } catch {
                sink.send(.valuePageLoaded(key: key, result: .failure(LoadError(describing: error))))
            }
        }
    }

    /// Runs the cache doctor over node `node`'s index as it stands (partial while the scan runs).
    func runDoctor(node: Int, probeHotKeys: Bool, connections: NodeConnections) {
        guard connections.contains(node) else { return }
        let sink = self.sink
        let scanner = scanners[node]
        let connection = connections.keyspaceConnection(node)
        let label = connections.label(node)
        scope.spawn {
            guard let scanner else {
                sink.send(.doctorFinished(node: node, result: .failure(LoadError("the keyspace is not indexed yet: open Keys (2) first"))))
                return
            }
            let view = await scanner.view
            let progress = await scanner.progress
            let report = await CacheDoctor(connection: connection, node: label, probeRecentUse: probeHotKeys)
                .diagnose(view, complete: progress.phase == .finished, expectedKeys: progress.expectedKeys, sampleShare: progress.sampleShare)
            sink.send(.doctorFinished(node: node, result: .success(report)))
        }
    }

    /// Stops every scan and read.
    nonisolated(nonsending) func close() async {
        for scanner in scanners.values { await scanner.cancel() }
        await clusterScanner?.cancel()
        await scope.cancelAll()
    }

    /// The scanner for node `node` or the cluster, made on first use with a task that forwards
    /// its snapshots to the loop.
    private func scanner(node: Int, clusterWide: Bool, _ connections: NodeConnections) -> KeyspaceScanner {
        if clusterWide, let clusterScanner { return clusterScanner }
        if !clusterWide, let existing = scanners[node] { return existing }
        let scanner: KeyspaceScanner
        if clusterWide {
            scanner = KeyspaceScanner(scanConnection: connections.keyedConnection(node), policy: clusterAwarePolicy(connections), delimiter: delimiter)
            clusterScanner = scanner
        } else {
            // A cluster node (`:node N`): SCAN it, but look keys up at their owner (a replica
            // would redirect). A standalone node: lookups on a second connection.
            let lookups: any RedisPipelining = connections.cluster != nil ? connections.keyedConnection(node) : connections.lookupConnection(node)
            scanner = KeyspaceScanner(
                scanConnection: connections.keyspaceConnection(node), lookupConnections: [lookups],
                policy: clusterAwarePolicy(connections), delimiter: delimiter)
            scanners[node] = scanner
        }
        let sink = self.sink
        scope.spawn {
            for await update in scanner.updates { sink.send(.keyspaceUpdated(node: node, update: update, clusterWide: clusterWide)) }
        }
        return scanner
    }

    /// The scan policy; in cluster mode without the lookup script, whose keys may span slots
    /// (a cluster refuses that with CROSSSLOT).
    private func clusterAwarePolicy(_ connections: NodeConnections) -> ScanLoadPolicy {
        guard connections.cluster != nil else { return policy }
        var policy = self.policy
        policy.useLookupScript = false
        return policy
    }
}
