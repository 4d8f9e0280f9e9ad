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
        let server = try LocalRedisServer.start(["--slowlog-log-slower-than", "5000"])
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
        try await Task.sleep(for: .seconds(2))

        var truths: [[UInt8]: ScaleFill.Truth] = [:]
        for (prefix, counts) in keyspace.exactCounts() { truths[prefix] = ScaleFill.Truth(keys: counts.keys, withoutTTL: counts.withoutTTL) }
        let folders = Array(truths.keys)
        let moments: [Double] = [3, 10, 30, 60, 120]

        // The measured phase: the default policy (as shipped), then without the ceiling.
        let shipped = AppConfig().scanPolicy
        let capped = try await ScaleScanRun.measure(port: server.port, policy: shipped, admin: admin, folders: folders, moments: moments, limit: limit)
        print("walk at the default ceiling done in \(String(format: "%.0f", capped.seconds)) s")
        fflush(nil)
        var unlimitedPolicy = shipped
        unlimitedPolicy.maxCommandsPerSecond = nil
        let uncapped =
            environment["CACHESCOPE_BENCH_UNCAPPED"] == "0"
            ? nil
            : try await ScaleScanRun.measure(port: server.port, policy: unlimitedPolicy, admin: admin, folders: folders, moments: moments, limit: limit)

        // Floors and the exact figures, after the measured phase.
        let bare = try await BareScanWalk.measure(admin)
        let lookups = try await RedisConnection.connect(options)
        let exact = try await ScaleFill.exactMemory(scan: admin, lookups: lookups, samples: shipped.memorySamples, truths: &truths)
        await lookups.close()
        print("exact pass: \(exact.keys) keys in \(String(format: "%.0f", exact.seconds)) s")
        fflush(nil)

        // The dashboard itself on the same keys, default policy, with keypresses while it walks.
        let dashboardLimit = environment["CACHESCOPE_BENCH_DASHBOARD_LIMIT"].flatMap { Double($0) } ?? limit
        let app = try await KeyspaceResponsiveness.measure(port: server.port, policy: shipped, limit: .seconds(dashboardLimit))
        _ = try await admin.send(RedisCommand("FLUSHALL"))
        await admin.close()

        let report = KeyspaceScaleReport(
            total: total, small: small, truths: truths, bare: bare, exact: exact, app: app, goals: .init(total: total))
        report.print(capped, title: "default policy (\(Int(shipped.maxCommandsPerSecond ?? 0)) commands/s ceiling, index budget \(shipped.indexBudgetBytes >> 20) MiB)")
        if let uncapped { report.print(uncapped, title: "no ceiling (scan_commands_per_second unset), index budget \(shipped.indexBudgetBytes >> 20) MiB") }
        report.printDashboard()
        report.printFolders(capped)
    }

    /// `MemAvailable` of /proc/meminfo, bytes (0 when unknown).
    private static func memAvailable() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
    }
}
