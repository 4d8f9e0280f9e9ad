import Foundation
import Inspector
import LocalRedis
import RedisClient
import Synchronization

/// `cachescope-bench soak [--minutes 60] [--period-scale 1]`: the release `cachescope` binary in
/// tmux against a 3-primary, 3-replica cluster carrying cache-aside traffic and a pub/sub stream
/// its Pub/Sub pane follows on a pattern; a failover every 5 minutes, a network episode every 10
/// (a 30 s partition of a primary, or 10% loss on the subscriber's node, in turn: real drops in the
/// soak's own network namespace), the keys pane rescanned every 10. Every minute: the dashboard's RSS, CPU, descriptors
/// (its connections counted apart, by node: ``DescriptorCensus``) and threads; keypress → frame every few seconds; at the end the slopes and the pub/sub counts.
/// `--period-scale` shortens every period (and the sampling and warm-up) for a quick run.
enum SoakBenchmark {
    struct Settings {
        var minutes = 60.0
        var periodScale = 1.0
        var rate = 50_000
        var publishRate = 200
        var network = SoakEpisodes.NetworkEpisode()

        init(_ arguments: [String]) throws {
            var rest = arguments[...]
            while let flag = rest.popFirst() {
                guard let text = rest.popFirst(), let value = Double(text) else { throw SoakError("\(flag) needs a number") }
                switch flag {
                case "--minutes": minutes = value
                case "--period-scale": periodScale = value
                case "--rate": rate = Int(value)
                case "--publish-rate": publishRate = Int(value)
                case "--partition-s": network.partitionSeconds = value
                case "--loss-percent": network.lossPercent = Int(value)
                case "--loss-s": network.lossSeconds = value
                default:
                    throw SoakError("unknown flag \(flag) (--minutes, --period-scale, --rate, --publish-rate, --partition-s, --loss-percent, --loss-s)")
                }
            }
        }
    }

    static let pattern = "soak:events:*"

    /// Whether the Pub/Sub pane confirms the subscription to `pattern` (its "✓ … psub PATTERN"
    /// line, "ok … psub PATTERN" without Unicode). Not just "psub PATTERN" anywhere: the command
    /// line shows that too while it is typed, before Enter has been read, and a check that matched
    /// it raced the subscriber's connection.
    static func showsSubscribed(_ screen: String, to pattern: String) -> Bool {
        screen.split(separator: "\n").contains { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return (text.hasPrefix("✓ ") || text.hasPrefix("ok ")) && text.hasSuffix("psub \(pattern)")
        }
    }

    static func run(_ arguments: [String]) async throws {
        let settings = try Settings(arguments)
        guard SoakNetwork.isInside else {
            // Everything the soak starts lives in its own network namespace, made here.
            let status = try SoakNetwork.runInsideOwnNamespace()
            guard status == 0 else { throw SoakError("the soak inside its network namespace exited with status \(status)") }
            return
        }
        try SoakNetwork.prepare()
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cachescope").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw SoakError("\(binary) is missing: build it first with `swift build -c release --product cachescope`")
        }
        let primaries = 3
        let cluster = try LocalRedisCluster.start(primaries: primaries, replicasPerPrimary: 1, nodeTimeoutMilliseconds: 3000)
        defer { cluster.stop() }
        let ports = cluster.ports
        let seed = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: ports[0]), commandTimeout: .seconds(30), clientName: "soak-load")
        let client = ClusterClient(seeds: [seed])
        _ = try await client.connect()
        let traffic = SoakTraffic()
        let load = Task.detached { await traffic.runCacheAside(cluster: client, rate: settings.rate) }
        // Keys in place before the dashboard first looks.
        try await Task.sleep(for: .seconds(3))

        let dashboard = try await SoakDashboard.start(binary: binary, arguments: ["-c", "redis://127.0.0.1:\(ports[0])"])
        defer { dashboard.stop() }
        guard dashboard.waitFor(timeout: 30, { $0.contains("\(ports[0])") }) != nil else { throw SoakError("the dashboard showed no node:\n\(dashboard.screen())") }
        try await Task.sleep(for: .seconds(2))
        dashboard.type("4")
        _ = dashboard.waitFor(timeout: 10) { $0.contains("Messages") }
        dashboard.type(":psub \(pattern)")
        dashboard.press("Enter")
        guard dashboard.waitFor(timeout: 20, { showsSubscribed($0, to: pattern) }) != nil else {
            throw SoakError("the Pub/Sub pane did not subscribe within 20 s:\n\(dashboard.screen())")
        }
        guard let subscriberPort = await SoakEpisodes.subscriberPort(named: "cachescope-sub", ports, within: .seconds(5)) else {
            throw SoakError("the Pub/Sub pane shows the subscription, but no node lists a client named cachescope-sub with a pattern")
        }
        let publisher = Task.detached {
            await traffic.runPublisher(endpoint: RedisEndpoint(host: "127.0.0.1", port: subscriberPort), rate: settings.publishRate)
        }

        let scale = settings.periodScale
        let sampleEvery = 60 * scale
        var report = SoakReport(warmUpMinutes: 5 * scale, uses: NodeUses(subscriberPort: subscriberPort, seedPort: ports[0], nodes: ports.count, primaries: primaries))
        print(
            "soak: cachescope pid \(dashboard.pid) in tmux 160x48, cluster \(ports.map(String.init).joined(separator: ",")) (3 primaries + 3 replicas), \(settings.rate) ops/s cache-aside target, \(settings.publishRate) msgs/s published on \(subscriberPort) where the pane's subscriber is; \(settings.minutes) min, periods x\(scale)"
        )
        print(SoakReport.header)
        fflush(nil)

        let start = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - start).seconds }
        var nextSample = sampleEvery
        var nextFailover = 300 * scale
        var nextEpisode = 450 * scale
        var nextRescan = 240 * scale
        var turns = (failover: 0, network: 0)
        var events: [String] = []
        let eventLog = EventLog()
        var latencies: [Double] = []
        var allLatencies: [Double] = []
        var allOwnLatencies: [Double] = []
        var last = (cpu: dashboard.resources().cpuSeconds, operations: 0, time: 0.0)

        while elapsed() < settings.minutes * 60 {
            guard dashboard.isRunning else { throw SoakError("the dashboard exited") }
            latencies += dashboard.probe()
            if elapsed() >= nextFailover {
                let turn = turns.failover
                Task.detached { eventLog.add(await SoakEpisodes.failover(turn: turn, ports: ports)) }
                turns.failover += 1
                nextFailover += 300 * scale
            }
            if elapsed() >= nextEpisode {
                let turn = turns.network
                let episode = settings.network
                Task.detached { eventLog.add(await SoakEpisodes.network(turn: turn, episode: episode, subscriberPort: subscriberPort, ports: ports)) }
                turns.network += 1
                nextEpisode += 600 * scale
            }
            if elapsed() >= nextRescan {
                latencies += rescan(dashboard, events: &events)
                nextRescan += 600 * scale
            }
            if elapsed() >= nextSample {
                let now = elapsed()
                let resources = dashboard.resources()
                let operations = traffic.operations.load(ordering: .relaxed)
                let sorted = latencies.sorted()
                let own = dashboard.ownLatencies().sorted()
                allOwnLatencies += own
                let row = SoakReport.Row(
                    minutes: now / 60, rssMB: Double(resources.rss) / 1_048_576,
                    cpuPercent: (resources.cpuSeconds - last.cpu) / (now - last.time) * 100, descriptors: resources.descriptors,
                    threads: resources.threads, operationsPerSecond: Double(operations - last.operations) / (now - last.time),
                    keypressMedianMs: median(sorted) * 1000, keypressMaxMs: (sorted.last ?? 0) * 1000, stalls: sorted.filter { $0 > 0.1 }.count,
                    ownMedianMs: median(own) * 1000, ownMaxMs: (own.last ?? 0) * 1000,
                    published: traffic.published.load(ordering: .relaxed), delivered: traffic.delivered.load(ordering: .relaxed),
                    events: events + eventLog.take())
                report.rows.append(row)
                print(SoakReport.line(row))
                fflush(nil)
                allLatencies += latencies
                latencies = []
                events = []
                last = (resources.cpuSeconds, operations, now)
                nextSample += sampleEvery
            }
            try await Task.sleep(for: .seconds(2))
        }
        allLatencies += latencies

        // The counts, once the stream has stopped and the pane's last batch is in.
        traffic.stopPublishing()
        await publisher.value
        let delivered = traffic.delivered.load(ordering: .relaxed)
        let expected = Formatting.number(Double(delivered))
        _ = dashboard.waitFor(timeout: 10) { $0.contains("\(expected) counted") }
        let screen = dashboard.screen()
        let shown =
            screen.split(separator: "\n").lazy.compactMap { line -> String? in
                guard let range = line.range(of: " counted") else { return nil }
                return line[..<range.lowerBound].split(separator: " ").last.map(String.init)
            }.first ?? "?"
        traffic.stop()
        await load.value
        print("failed load batches: \(traffic.failedBatches.load(ordering: .relaxed)); the pane's header: \(screen.split(separator: "\n").first { $0.contains("psub") } ?? "")")
        for line in report.summary(
            allLatencies: allLatencies, ownLatencies: allOwnLatencies + dashboard.ownLatencies(), countShown: shown, deliveredShownAs: expected, delivered: delivered,
            published: traffic.published.load(ordering: .relaxed), failedPublishes: traffic.failedPublishes.load(ordering: .relaxed))
        {
            print(line)
        }
        fflush(nil)
        dashboard.type("q")
        await client.close()
    }

    /// The keys pane, `r`, probes until the walk is done (at most 60 s), back to Pub/Sub.
    static func rescan(_ dashboard: SoakDashboard, events: inout [String]) -> [Double] {
        var latencies: [Double] = []
        let start = ContinuousClock.now
        dashboard.type("2")
        latencies.append(dashboard.waitFor(timeout: 5) { $0.contains("Keyspace") } ?? 5)
        dashboard.type("r")
        var done = false
        while (ContinuousClock.now - start).seconds < 60 {
            usleep(1_000_000)
            latencies += dashboard.probe()
            if dashboard.screen().contains("keys indexed in") {
                done = true
                break
            }
        }
        dashboard.type("4")
        latencies.append(dashboard.waitFor(timeout: 5) { $0.contains("Messages") } ?? 5)
        events.append(String(format: "rescan %@ in %.0f s", done ? "done" : "not done", (ContinuousClock.now - start).seconds))
        return latencies
    }
}
