import AppCore
import Foundation
import Inspector
import LocalRedis
import RESP
import RedisClient

/// Keys at scale: a private redis-server filled with 10M (or, with `CACHESCOPE_BENCH_KEYS`, 100M)
/// keys of mixed cache shapes through a generated `redis-cli --pipe` stream; the keyspace index
/// (`KeyspaceScanner`, default policy, then without the ceiling) walking it while its updates are
/// consumed as the keys pane does; every folder's estimates at the first picture and a few later
/// moments compared with exact figures the bench computes itself (counts from what it generated,
/// memory from a separate `SCAN` + `MEMORY USAGE` pass afterwards); RSS every 100 ms; server CPU
/// against a bare `SCAN` walk of the same share; the slow log; and the dashboard itself, with
/// keypresses, on the same keys.
enum KeyspaceScaleBenchmark {
    static func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let total = environment["CACHESCOPE_BENCH_KEYS"].flatMap { Int($0) } ?? 10_000_000
        // Past 20M keys, small values (about 70 bytes a key in Redis) keep the server within the machine.
        let small = environment["CACHESCOPE_BENCH_SMALL_VALUES"].map { $0 != "0" } ?? (total > 20_000_000)
        let limit = environment["CACHESCOPE_BENCH_SCAN_LIMIT"].flatMap { Double($0) } ?? 1200
        let keyspace = ScaleKeyspace(total: total, small: small)
        let available = memAvailable()
        guard available == 0 || keyspace.roughBytes + (3 << 30) < available else {
            throw LocalRedisError("\(total) keys need about \(Formatting.bytes(Double(keyspace.roughBytes))) of Redis; \(Formatting.bytes(Double(available))) available")
        }
        let server = try LocalRedisServer.start(["--slowlog-log-slower-than", "5000", "--slowlog-max-len", "100000", "--enable-debug-command", "local"])
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port), commandTimeout: .seconds(120))
        let admin = try await RedisConnection.connect(options)
        let version = InfoSnapshot(parsing: try await admin.send(RedisCommand("INFO", "server")).string ?? "")["redis_version"] ?? "?"

        let fill = try ScaleFill.fill(keyspace, port: server.port)
        let loaded = Int(try await admin.send(RedisCommand("DBSIZE")).int ?? 0)
        let usedMemory = Double(InfoSnapshot(parsing: try await admin.send(RedisCommand("INFO", "memory")).string ?? "")["used_memory"] ?? "0") ?? 0
        print(
            "filled \(loaded) keys (\(small ? "small values" : "mixed cache shapes"), \(fill.commands) commands by redis-cli --pipe) in "
                + "\(String(format: "%.0f", fill.seconds)) s; redis \(version) used_memory \(Formatting.bytes(usedMemory))")
        fflush(nil)
        guard loaded == total else { throw LocalRedisError("DBSIZE \(loaded) after filling \(total) keys") }
        // A fill ends with the main table often still rehashing into its doubled size: wait until
        // the server has finished (as a cache at rest would be), so the walk sees one table.
        // DEBUG HTSTATS walks the table (about 0.1 s per million buckets) and the server rehashes
        // 1 ms per cron tick only between calls: ask every 5 s.
        let rehashStart = ContinuousClock.now
        while (try await admin.send(RedisCommand("DEBUG", "HTSTATS", 0)).string ?? "").contains("rehashing target"),
            ContinuousClock.now - rehashStart < .seconds(300)
        {
            try await Task.sleep(for: .seconds(5))
        }
        print("waited \(String(format: "%.0f", (ContinuousClock.now - rehashStart).seconds)) s for the main table's rehash to finish")

        var truths: [[UInt8]: ScaleFill.Truth] = [:]
        for (prefix, counts) in keyspace.exactCounts() { truths[prefix] = ScaleFill.Truth(keys: counts.keys, withoutTTL: counts.withoutTTL) }
        let folders = Array(truths.keys)
        let moments: [Double] = [3, 10, 30, 60, 120]

        // The measured phase: the default policy (as shipped), then without the ceiling.
        var shipped = AppConfig().scanPolicy
        if let megabytes = environment["CACHESCOPE_BENCH_INDEX_BUDGET_MB"].flatMap({ Int($0) }) { shipped.indexBudgetBytes = megabytes << 20 }
        let capped = try await ScaleScanRun.measure(port: server.port, policy: shipped, admin: admin, folders: folders, moments: moments, limit: limit)
        interim("default ceiling", capped, truths: truths, total: total)
        var unlimitedPolicy = shipped
        unlimitedPolicy.maxCommandsPerSecond = nil
        let uncapped =
            environment["CACHESCOPE_BENCH_UNCAPPED"] == "0"
            ? nil
            : try await ScaleScanRun.measure(port: server.port, policy: unlimitedPolicy, admin: admin, folders: folders, moments: moments, limit: limit)
        if let uncapped { interim("no ceiling", uncapped, truths: truths, total: total) }

        // Floors and the exact figures, after the measured phase.
        _ = try await admin.send(RedisCommand("SLOWLOG", "RESET"))
        let bare = try await BareScanWalk.measure(admin)
        let bareSlow = Int(try await admin.send(RedisCommand("SLOWLOG", "LEN")).int ?? 0)
        let lookups = try await RedisConnection.connect(options)
        let exact = try await ScaleFill.exactMemory(scan: admin, lookups: lookups, samples: shipped.memorySamples, truths: &truths)
        await lookups.close()
        print("exact pass: \(exact.keys) keys in \(String(format: "%.0f", exact.seconds)) s")
        fflush(nil)

        // The dashboard itself on the same keys, default policy, with keypresses while it walks.
        let dashboardLimit = environment["CACHESCOPE_BENCH_DASHBOARD_LIMIT"].flatMap { Double($0) } ?? limit
        let app = try await KeyspaceResponsiveness.measure(port: server.port, policy: shipped, limit: .seconds(dashboardLimit))

        // The report first: a long run's figures must not depend on the flush that follows.
        let report = KeyspaceScaleReport(
            total: total, small: small, truths: truths, bare: bare, bareSlowCommands: bareSlow, exact: exact, app: app, goals: .init(total: total))
        report.print(capped, title: "default policy (\(Int(shipped.maxCommandsPerSecond ?? 0)) commands/s ceiling, index budget \(shipped.indexBudgetBytes >> 20) MiB)")
        if let uncapped { report.print(uncapped, title: "no ceiling (scan_commands_per_second unset), index budget \(shipped.indexBudgetBytes >> 20) MiB") }
        report.printDashboard()
        report.printFolders(capped)
        fflush(nil)
        // ASYNC: a synchronous FLUSHALL of 100M keys outlasts the connection's command timeout.
        _ = try await admin.send(RedisCommand("FLUSHALL", "ASYNC"))
        await admin.close()
    }

    /// One line as soon as a walk is done (counts only: the exact memory comes later), so a long
    /// run that fails afterwards still said what it measured.
    private static func interim(_ name: String, _ run: ScaleScanRun.Result, truths: [[UInt8]: ScaleFill.Truth], total: Int) {
        var worst = 0.0
        var inside = 0
        var figures = 0
        for (n, checkpoint) in run.checkpoints.enumerated() {
            for (prefix, truth) in truths where truth.keys * 100 >= total {
                guard let estimate = checkpoint.figures[prefix]?.keys else { continue }
                figures += 1
                if estimate.covers(Double(truth.keys)) { inside += 1 }
                if n == run.checkpoints.count - 1 { worst = max(worst, abs(estimate.value / Double(truth.keys) - 1)) }
            }
        }
        print(
            "walk (\(name)) \(run.finished ? "finished" : "stopped") in \(String(format: "%.1f", run.seconds)) s: first picture "
                + "\(String(format: "%.2f", run.firstPicture ?? -1)) s, peak RSS \(KeyspaceScaleReport.mib(run.peakRSS)), "
                + "\(run.slowCommands) commands over 5 ms, keys error at the end \(KeyspaceScaleReport.percent(worst)), "
                + "keys inside 95% \(inside)/\(figures)")
        fflush(nil)
    }

    /// `MemAvailable` of /proc/meminfo, bytes (0 when unknown).
    private static func memAvailable() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
    }
}
