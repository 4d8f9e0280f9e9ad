import Foundation
import NIOCore
import RESP
import RedisClient

/// Indexes one node's keyspace in the background with `SCAN` (never `KEYS`) and publishes
/// snapshots as it goes.
///
/// Concurrency: the scanner is an actor that owns the mutable `KeyIndex`; the UI reads the
/// immutable `KeyspaceScanUpdate`s it publishes on `updates` (newest only is buffered), so a slow
/// batch never blocks a frame. SCAN runs on one connection while the `TYPE`/`PTTL`/`MEMORY USAGE`
/// lookups for earlier batches are in flight on the others (`maxLookupsInFlight`). The load
/// policy bounds `COUNT`, backs off on latency, and holds a commands-per-second ceiling.
///
///     let scanner = KeyspaceScanner(scanConnection: a, lookupConnections: [b])
///     await scanner.start()
///     for await update in scanner.updates { model.keyspace = update.view }
public actor KeyspaceScanner {
    /// Snapshots and progress, newest first-come: a consumer that falls behind skips stale ones.
    public nonisolated let updates: AsyncStream<KeyspaceScanUpdate>
    private let continuation: AsyncStream<KeyspaceScanUpdate>.Continuation

    private let scanConnection: any RedisPipelining
    let lookupConnections: [any RedisPipelining]
    /// The load policy in force (changes apply to the next scan).
    public var policy: ScanLoadPolicy
    /// The delimiter of the published views.
    public let delimiter: UInt8
    /// Seconds between published snapshots while scanning (the first batch is published at once).
    public var publishInterval: Double

    var index = KeyIndex()
    var sorted = SortedKeyOrder()
    var progressValue = ScanProgress()
    private var latestView: KeyspaceView
    private var generation = 0
    private var scanTask: Task<Void, Never>?
    private var filter = KeyFilter.all
    private var bucket: TokenBucket?
    var budget = IndexBudget(bytes: ScanLoadPolicy.default.indexBudgetBytes)
    /// Every key name the walk returns, counted into its prefixes (exact counts past the budget).
    var counter = PrefixCounter()
    /// Increases each time the budget rebuilds the index: lookups sent before carry old ids.
    var indexEpoch = 0
    /// Which keys are looked up (all, up to ``ScanLoadPolicy/exactLookupLimit`` keys).
    var lookups = LookupSample.all
    /// Keys counted but not looked up, waiting for the lookups sent before them (``releaseHeld()``).
    var held: [HeldKeys] = []
    /// The share of the table behind the newest SCAN's cursor (nil: the walk's shape is unknown).
    var walkedFraction: Double?
    /// Lookup batches sent this scan, and those not applied yet → the walked share before their SCAN.
    var lookupsSent = 0
    var lookupsOutstanding: [Int: Double?] = [:]

    /// - Parameters:
    ///   - scanConnection: runs `DBSIZE` and the `SCAN`s.
    ///   - lookupConnections: run the per-key lookups; may be empty (then `scanConnection` does
    ///     them). Two connections let lookups overlap the next SCAN.
    ///   - policy: load bounds.
    ///   - delimiter: namespace delimiter for the published views.
    ///   - publishInterval: seconds between snapshots while scanning.
    public init(
        scanConnection: any RedisPipelining, lookupConnections: [any RedisPipelining] = [],
        policy: ScanLoadPolicy = .default, delimiter: UInt8 = UInt8(ascii: ":"), publishInterval: Double = 0.25
    ) {
        self.scanConnection = scanConnection
        self.lookupConnections = lookupConnections.isEmpty ? [scanConnection] : lookupConnections
        self.policy = policy
        self.delimiter = delimiter
        self.publishInterval = publishInterval
        self.latestView = KeyspaceView(delimiter: delimiter)
        let (stream, continuation) = AsyncStream<KeyspaceScanUpdate>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.updates = stream
        self.continuation = continuation
    }

    deinit { continuation.finish() }

    /// The newest snapshot (same as the last update published).
    public var view: KeyspaceView { latestView }
    /// Progress of the current or last scan.
    public var progress: ScanProgress { progressValue }

    /// Starts a fresh scan (dropping the previous index), or restarts one in progress: rescan on
    /// demand. The filter's pattern is sent as `SCAN … MATCH`, and a single type as `SCAN … TYPE`,
    /// so the server does the narrowing.
    /// - Parameter filter: which keys to index (`.all` by default).
    public func start(filter: KeyFilter = .all) {
        scanTask?.cancel()
        generation += 1
        self.filter = filter
        index = KeyIndex()
        sorted = SortedKeyOrder()
        progressValue = ScanProgress()
        progressValue.phase = .scanning
        walkedFraction = nil
        lookupsOutstanding = [:]
        held = []
        bucket = policy.maxCommandsPerSecond.map { TokenBucket(rate: $0) }
        budget = IndexBudget(bytes: policy.indexBudgetBytes)
        counter = PrefixCounter(delimiter: delimiter, depth: policy.prefixCounterDepth, capacity: policy.prefixCounterCapacity)
        latestView = KeyspaceView(delimiter: delimiter)
        let generation = generation
        scanTask = Task { await self.run(generation: generation) }
    }

    /// Same as `start(filter:)` with the filter of the last scan.
    public func rescan() { start(filter: filter) }

    /// Stops the scan; the index keeps what it has.
    public func cancel() {
        guard let task = scanTask else { return }
        task.cancel()
        if progressValue.phase == .scanning { progressValue.phase = .cancelled }
        publish()
    }

    /// Waits until the current scan ends (finished, cancelled or failed).
    public func waitUntilDone() async {
        await scanTask?.value
    }

    // MARK: - The scan loop

    private func run(generation: Int) async {
        let started = ContinuousClock.now
        var throttle = ScanThrottle(policy: policy)
        progressValue.scanCount = throttle.count
        do {
            // The goal. The latency baseline comes from the SCANs themselves: a PING does no work,
            // so measured against it every SCAN of 1000 keys would look like a slow server.
            let sized = ContinuousClock.now
            let size = try await scanConnection.call(RedisCommand("DBSIZE")).int ?? 0
            // DBSIZE does no work: its round trip is the network's, which the latency limit leaves out.
            throttle.seedNetworkFloor(Self.seconds(ContinuousClock.now - sized))
            progressValue.expectedKeys = Int(size)
            progressValue.commandsSent = 1
            index.reserveCapacity(keys: filter.isEmpty ? Swift.min(Int(size), budget.capacity()) : 1024)
            lookups = LookupSample(keys: Int(size), limit: policy.exactLookupLimit)
            progressValue.lookupRate = lookups.rate
            // How the cursors read as progress; a node that will not say (an ACL) only loses the fraction.
            let walk = try? await ScanShapeProbe.walk(scanConnection)
            progressValue.commandsSent += walk?.commands ?? 0
            try await rateLimit(walk?.commands ?? 0)
            let scripted = policy.useLookupScript ? await KeyLookupScript.isAvailable(on: lookupConnections[0]) : false
            let chunkSize = Swift.max(1, policy.scriptChunkSize)

            let samples = Array(String(policy.memorySamples).utf8)
            let memoryOptions = KeyLookup.memoryOptions(samples: policy.memorySamples)
            var scanArguments: [[UInt8]] = [Array("SCAN".utf8), Array("0".utf8)]
            if let pattern = filter.pattern, !pattern.matchesEverything {
                scanArguments += [Array("MATCH".utf8), pattern.source]
            }
            if filter.types.count == 1, let type = filter.types.first, type != .other, type != .unknown, type != .gone {
                scanArguments += [Array("TYPE".utf8), Array(type.description.utf8)]
            }
            scanArguments += [Array("COUNT".utf8), []]
            var lastPublish = ContinuousClock.now
            var interval = publishInterval
            var publishedOnce = false
            var roundRobin = 0

            try await withThrowingTaskGroup(of: LookupBatch.self) { group in
                var inFlight = 0
                var cursor: [UInt8] = Array("0".utf8)
                repeat {
                    try Task.checkCancellation()
                    if throttle.pause > 0 { try await Task.sleep(for: .seconds(throttle.pause)) }
                    try await rateLimit(1)
                    scanArguments[1] = cursor
                    scanArguments[scanArguments.count - 1] = Array(String(throttle.count).utf8)
                    let t0 = ContinuousClock.now
                    let reply = try await scanConnection.call(RedisCommand(arguments: scanArguments))
                    try ensureCurrent(generation)
                    throttle.record(roundTrip: Self.seconds(ContinuousClock.now - t0))
                    progressValue.commandsSent += 1
                    guard let parts = reply.array, parts.count == 2, let next = parts[0].bytes, let keys = parts[1].array else {
                        throw KeyspaceError.unexpectedReply(command: "SCAN")
                    }
                    cursor = next
                    let fractionBefore = walkedFraction
                    if let fraction = walk?.progress.visitedFraction(afterReturning: next) { walkedFraction = fraction }

                    // Dedupe into the index; only new keys are looked up (a sample of them on a big keyspace).
                    var ids: [UInt32] = []
                    var newKeys: [[UInt8]] = []
                    var counted = HeldKeys(sequence: lookupsSent, epoch: indexEpoch)
                    ids.reserveCapacity(keys.count)
                    newKeys.reserveCapacity(keys.count)
                    progressValue.keysPassed += keys.count
                    for key in keys {
                        guard case .bulkString(let buffer) = key else { continue }
                        let admitted = buffer.withUnsafeReadableBytes { bytes -> (id: UInt32, lookUp: Bool)? in
                            // Every name is counted; a name the index already holds is a duplicate of this walk.
                            guard budget.admits(bytes), let inserted = index.insert(buffer: bytes) else {
                                counter.count(bytes)
                                return nil
                            }
                            guard inserted.inserted else {
                                counter.noteDuplicate()
                                return nil
                            }
                            counter.count(bytes)
                            return (inserted.id.rawValue, lookups.admits(bytes))
                        }
                        guard let admitted else { continue }
                        if admitted.lookUp {
                            ids.append(admitted.id)
                            newKeys.append(Array(buffer.readableBytesView))
                        } else {
                            counted.ids.append(admitted.id)
                            counted.keys.append(Array(buffer.readableBytesView))
                        }
                    }
                    var commands: [RedisCommand] = []
                    if scripted {
                        for start in stride(from: 0, to: newKeys.count, by: chunkSize) {
                            commands.append(
                                KeyLookupScript.command(
                                    keys: newKeys[start..<Swift.min(start + chunkSize, newKeys.count)], samples: samples))
                        }
                    } else {
                        commands.reserveCapacity(newKeys.count * KeyLookup.commandsPerKey)
                        for key in newKeys { KeyLookup.appendCommands(for: key, memoryOptions: memoryOptions, to: &commands) }
                    }
                    progressValue.keysIndexed = index.liveCount
                    progressValue.scanCount = throttle.count
                    progressValue.isThrottled = throttle.isThrottled
                    progressValue.medianRoundTrip = throttle.medianRoundTrip

                    if !ids.isEmpty {
                        while inFlight >= policy.maxLookupsInFlight, let batch = try await group.next() {
                            inFlight -= 1
                            try ensureCurrent(generation)
                            apply(batch)
                        }
                        // The ceiling counts server commands: three a key, scripted or not.
                        try await rateLimit(ids.count * KeyLookup.commandsPerKey)
                        let connection = lookupConnections[roundRobin % lookupConnections.count]
                        roundRobin += 1
                        let batchIDs = ids
                        let batchKeys = newKeys
                        let batchCommands = commands
                        let epoch = indexEpoch
                        let sequence = lookupsSent
                        lookupsSent += 1
                        lookupsOutstanding[sequence] = fractionBefore
                        group.addTask {
                            LookupBatch(
                                sequence: sequence, ids: batchIDs, keys: batchKeys, epoch: epoch, replies: try await connection.pipeline(batchCommands),
                                scripted: scripted)
                        }
                        inFlight += 1
                        progressValue.commandsSent += ids.count * KeyLookup.commandsPerKey
                    }
                    // Counted keys join the view once the lookups sent before them (and with them) are back.
                    if !counted.ids.isEmpty {
                        if ids.isEmpty { counted.sequence = lookupsSent - 1 }
                        held.append(counted)
                    }
                    releaseHeld()
                    keepWithinBudget()
                    updateVisitedFraction()
                    // The first batch is published as soon as its lookups are back.
                    if !publishedOnce && progressValue.keysLookedUp == 0 && inFlight > 0 && index.liveCount > 0 {
                        if let batch = try await group.next() {
                            inFlight -= 1
                            try ensureCurrent(generation)
                            apply(batch)
                        }
                    }
                    let now = ContinuousClock.now
                    if progressValue.keysLookedUp + progressValue.keysCounted > 0 && (!publishedOnce || Self.seconds(now - lastPublish) >= interval) {
                        progressValue.elapsed = Self.seconds(now - started)
                        let cost = publish()
                        publishedOnce = true
                        lastPublish = ContinuousClock.now
                        // Keep snapshot building a small share of the scan at any index size.
                        interval = Swift.max(publishInterval, cost * 16)
                    }
                } while cursor != Array("0".utf8)
                while let batch = try await group.next() {
                    try ensureCurrent(generation)
                    apply(batch)
                }
                releaseHeld()
            }
            guard generation == self.generation else { return }
            progressValue.phase = .finished
            progressValue.visitedFraction = 1
        } catch is CancellationError {
            guard generation == self.generation else { return }
            progressValue.phase = .cancelled
        } catch {
            guard generation == self.generation else { return }
            progressValue.phase = .failed(String(describing: error))
        }
        progressValue.elapsed = Self.seconds(ContinuousClock.now - started)
        publish()
    }

    /// A superseded or cancelled scan stops before touching the (new) index.
    private func ensureCurrent(_ generation: Int) throws {
        if generation != self.generation || Task.isCancelled { throw CancellationError() }
    }

    /// Builds and publishes a snapshot of the index.
    /// - Returns: seconds it took (the scan spaces snapshots by it).
    @discardableResult
    func publish() -> Double {
        let t0 = ContinuousClock.now
        sorted.merge(using: index)
        latestView = KeyspaceView(
            index: index.snapshot(), sortedIDs: sorted.ids, filter: .all, delimiter: delimiter, sampleRate: budget.rate, prefixCounter: counter)
        continuation.yield(KeyspaceScanUpdate(view: latestView, progress: progressValue, generation: generation))
        return Self.seconds(ContinuousClock.now - t0)
    }

    /// Waits as long as the commands-per-second ceiling requires before sending `count` commands.
    private func rateLimit(_ count: Int) async throws {
        guard bucket != nil else { return }
        let wait = bucket!.take(count, now: Self.seconds(ContinuousClock.now - Self.epoch))
        if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
    }

    private static let epoch = ContinuousClock.now

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
}
