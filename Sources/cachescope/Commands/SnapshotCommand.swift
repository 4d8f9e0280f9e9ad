import AppCore
import ArgumentParser
import Foundation
import Inspector
import RedisClient

/// `cachescope snapshot`: two samples one interval apart, every node's figures and alerts, as
/// text or JSON; exits 1 when a node is unreachable. For scripts, cron and incident notes.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print one headless report of every node (text, or --json) and exit (1 if a node is unreachable)."
    )

    @OptionGroup var connection: ConnectionArguments
    @OptionGroup var display: DisplayArguments
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "Index every node's keyspace (SCAN) and print the cache doctor's findings instead of the figures.") var doctor = false
    @Flag(help: "Print each node's clients grouped by library, name, user and host, with their buffers and flags.") var clients = false
    @Flag(name: .customLong("hot-keys"), help: ArgumentHelp("With --doctor and no LFU policy: find hot keys by \(DoctorWording.probe(DoctorThresholds.default.recentUse)).")) var hotKeys = false
    @OptionGroup var keys: KeysSnapshotArguments

    func run() async throws {
        PasswordWarning.printIfNeeded(connection)
        var target = try ResolvedTarget.resolve(connection, display)
        var sentinelSummary = ""
        var sentinelJSON: String?
        if let sentinel = target.sentinel {
            guard sentinel.masterName != nil else { return try await SentinelSnapshot.listGroups(target, sentinel, json: json) }
            let (resolved, overview) = try await SentinelSnapshot.nodes(target, sentinel)
            target = resolved
            sentinelSummary = SentinelSnapshot.text(overview)
            sentinelJSON = SentinelSnapshot.json(overview)
        }
        if doctor {
            try await DoctorSnapshot.run(target, json: json, probeRecentUse: hotKeys)
            return
        }
        if clients {
            try await ClientsSnapshot.run(target, json: json, interval: display.interval ?? target.config.interval)
            return
        }
        if keys.keys {
            try await KeysSnapshot.run(target, keys, json: json)
            return
        }
        let interval = display.interval ?? target.config.interval
        var options = target.options
        if let seeds = await ClusterSessionSetup.clusterSeeds(target) {
            // A cluster: report every node the topology lists, primaries and replicas.
            let cluster = ClusterClient(seeds: seeds, addressMap: target.addressMap)
            defer { Task { await cluster.close() } }
            do {
                var nodes: [ConnectionOptions] = []
                for node in try await cluster.connect().nodes { nodes.append(await cluster.connectionOptions(for: node.endpoint)) }
                options = nodes
            } catch {
                FileHandle.standardError.write(Data("cachescope: cluster discovery failed: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        let connections = options.map { ManagedConnection(options: $0, policy: ReconnectPolicy(initialDelay: .milliseconds(100), maximumDelay: .seconds(1))) }
        let monitor = HealthMonitor(connections: connections, interval: .milliseconds(Int(interval * 1000)))
        let outcomes = await monitor.collect(count: 2)
        // Read for `cachescope diff`: one CONFIG GET per node, only for the JSON.
        var configs: [[String: String]?] = []
        for c in connections { configs.append(json ? await SnapshotConfig.read(from: c) : nil) }
        for c in connections { await c.close() }
        var nodes = options.map { NodeHealth(address: "\($0.endpoint)") }
        // The rules' durations cannot pass in one snapshot: a breach now is reported as it
        // stands (pending, or firing for rules without a duration).
        var alerts = AlertEngine(rules: target.config.alertRules)
        for (index, series) in outcomes.enumerated() {
            for outcome in series {
                switch outcome {
                case .sample(let s): nodes[index].record(s)
                case .failure(let error, let time): nodes[index].recordFailure(error, at: time)
                }
            }
            // One interval may see no lookups at all: the hit-ratio rule then reads the server's
            // figure since start, which is what a script asking "is the cache healthy" means.
            alerts.evaluate(nodes[index], at: MonotonicClock.now(), lifetimeHitRatio: true)
        }
        var report = HealthReport(nodes: nodes, alerts: alerts, interval: interval)
        for index in report.nodes.indices where report.nodes[index].reachable { report.nodes[index].config = configs[index] }
        var figures = report.json()
        // Sentinel mode: the group joins the report as "sentinel".
        if let sentinelJSON, figures.hasPrefix("{") { figures = "{\"sentinel\":\(sentinelJSON)," + figures.dropFirst() }
        print(json ? figures : sentinelSummary + report.text(), terminator: json ? "\n" : "")
        if report.anyUnreachable { throw ExitCode(1) }
    }
}
