import Foundation
import Inspector
import RESP
import RedisClient

/// The measured phase of the keys-at-scale benchmark: a `KeyspaceScanner` under a given policy,
/// its updates consumed as the keys pane does (the newest only, the root listing with each
/// visible folder's estimates built from it), with the figures of every folder kept at a few
/// moments for comparison with the exact ones, the process' RSS sampled every 100 ms, and the
/// server's CPU and slow log.
enum ScaleScanRun {
    /// The estimates at one moment of the walk.
    struct Checkpoint {
        var label: String
        var elapsed: Double
        /// The share of the keyspace the published keys stand for.
        var visited: Double
        var sampleRate: Double
        var keysHeld: Int
        var keysLookedUp: Int
        /// Server CPU since the scan started, seconds.
        var serverCPU: Double
        /// Every folder's figures, by prefix.
        var figures: [[UInt8]: PrefixFigures]
        var total: PrefixFigures
        /// The published index's own footprint (arena, columns, table), and the process' RSS then, bytes.
        var indexBytes: Int
        var rss: Int
    }

    struct Result {
        var checkpoints: [Checkpoint]
        /// Seconds to the first update with estimates for the whole keyspace.
        var firstPicture: Double?
        var seconds: Double
        var finished: Bool
        var rssAtStart: Int
        var peakRSS: Int
        var rssSamples: Int
        /// Commands over 5 ms in the slow log, and the slowest one's name and µs.
        var slowCommands: Int
        var slowest: (name: String, micros: Int)
        /// Commands over 5 ms by name.
        var slowByCommand: [String: Int]
        /// Seconds to build the pane's listing from an update (root children, figures of the visible folders).
        var listingMedian: Double
        var listingMax: Double
        var updates: Int
        var commandsSent: Int
        var serverCPU: Double
    }

    /// Runs one scan of the server on `port`.
    /// - Parameters:
    ///   - folders: the prefixes whose figures each checkpoint keeps.
    ///   - moments: seconds after the start at which to keep figures (besides the first picture and the end).
    ///   - limit: the scan is cancelled after this many seconds.
    static func measure(
        port: Int, policy: ScanLoadPolicy, admin: RedisConnection, folders: [[UInt8]], moments: [Double], limit: Double
    ) async throws -> Result {
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: port), commandTimeout: .seconds(60))
        _ = try await admin.send(RedisCommand("CONFIG", "SET", "slowlog-log-slower-than", "5000"))
        _ = try await admin.send(RedisCommand("SLOWLOG", "RESET"))
        let scan = try await RedisConnection.connect(options)
        let lookupA = try await RedisConnection.connect(options)
        let lookupB = try await RedisConnection.connect(options)
        let rssAtStart = ProcessMemory.residentBytes()
        let rss = RSSSampler(every: .milliseconds(100))
        let cpuBefore = try await CPUTime.server(admin)
        let scanner = KeyspaceScanner(scanConnection: scan, lookupConnections: [lookupA, lookupB], policy: policy)
        let started = ContinuousClock.now
        await scanner.start()
        var checkpoints: [Checkpoint] = []
        var pendingMoments = moments
        var firstPicture: Double?
        var listing: [Double] = []
        var finished = false
        var commandsSent = 0
        var cancelled = false

        func keep(_ label: String, _ update: KeyspaceScanUpdate, _ visited: Double, _ elapsed: Double) async throws {
            let cpu = try await CPUTime.server(admin) - cpuBefore
            var figures: [[UInt8]: PrefixFigures] = [:]
            for folder in folders { figures[folder] = update.view.figures(ofPrefix: folder, visitedFraction: visited) }
            checkpoints.append(
                Checkpoint(
                    label: label, elapsed: elapsed, visited: visited, sampleRate: update.view.sampleRate, keysHeld: update.view.count,
                    keysLookedUp: update.progress.keysLookedUp, serverCPU: cpu, figures: figures,
                    total: update.view.totalFigures(visitedFraction: visited), indexBytes: update.view.index.footprintBytes,
                    rss: ProcessMemory.residentBytes()))
        }

        for await update in scanner.updates {
            let elapsed = (ContinuousClock.now - started).seconds
            commandsSent = update.progress.commandsSent
            let done = update.progress.phase != .scanning
            // What the pane shows: 1 once finished, the cursor's share while walking.
            let visited = done && update.progress.phase == .finished ? 1 : update.progress.visitedFraction
            if let visited {
                let view = update.view
                let t0 = ContinuousClock.now
                let rows = view.children(of: [], sortedBy: .name)
                for row in rows.prefix(45) {
                    if case .folder(let prefix) = row.kind { _ = view.figures(ofPrefix: prefix, visitedFraction: visited) }
                }
                _ = view.totalFigures(visitedFraction: visited)
                listing.append((ContinuousClock.now - t0).seconds)
                if firstPicture == nil, view.count > 0, update.progress.keysLookedUp > 0 {
                    firstPicture = elapsed
                    try await keep("first picture", update, visited, elapsed)
                }
                while let next = pendingMoments.first, elapsed >= next, !done {
                    pendingMoments.removeFirst()
                    try await keep(String(format: "%.0f s", next), update, visited, elapsed)
                }
                if done {
                    try await keep(update.progress.phase == .finished ? "end" : "stopped", update, visited, elapsed)
                }
            }
            if done {
                finished = update.progress.phase == .finished
                break
            }
            if elapsed > limit, !cancelled {
                cancelled = true
                await scanner.cancel()
            }
        }
        let seconds = (ContinuousClock.now - started).seconds
        let serverCPU = try await CPUTime.server(admin) - cpuBefore
        let peakRSS = rss.finish()
        let slowCount = try await admin.send(RedisCommand("SLOWLOG", "LEN")).int ?? 0
        let slowlog = try await admin.send(RedisCommand("SLOWLOG", "GET", -1)).array ?? []
        var slowByCommand: [String: Int] = [:]
        for entry in slowlog { slowByCommand[entry.array?[3].array?.first?.string?.uppercased() ?? "?", default: 0] += 1 }
        let slowestEntry = slowlog.max { ($0.array?[2].int ?? 0) < ($1.array?[2].int ?? 0) }
        let slowestCommand = (slowestEntry?.array?[3].array ?? []).prefix(3).compactMap(\.string).joined(separator: " ")
        let slowest = (slowestCommand.isEmpty ? "-" : slowestCommand, Int(slowestEntry?.array?[2].int ?? 0))
        await scan.close()
        await lookupA.close()
        await lookupB.close()
        return Result(
            checkpoints: checkpoints, firstPicture: firstPicture, seconds: seconds, finished: finished, rssAtStart: rssAtStart,
            peakRSS: peakRSS, rssSamples: rss.samples, slowCommands: Int(slowCount), slowest: slowest, slowByCommand: slowByCommand,
            listingMedian: median(listing), listingMax: listing.max() ?? 0, updates: listing.count, commandsSent: commandsSent,
            serverCPU: serverCPU)
    }
}
