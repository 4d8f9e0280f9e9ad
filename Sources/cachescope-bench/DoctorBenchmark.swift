import AppCore
import Foundation
import Inspector
import LocalRedis
import RESP
import RedisClient

/// The cache doctor's cost at scale: 1M keys with the anti-patterns mixed in, the index scan
/// timed, then the doctor (one-pass analysis + bounded, paced sampling) over the same index; the
/// doctor must add at most 20% to the scan time.
enum DoctorBenchmark {
    /// Runs the suite and prints a table. `CACHESCOPE_BENCH_KEYS` overrides the key count.
    static func run() async throws {
        let total = ProcessInfo.processInfo.environment["CACHESCOPE_BENCH_KEYS"].flatMap { Int($0) } ?? 1_000_000
        let server = try LocalRedisServer.start(["--enable-debug-command", "yes", "--maxmemory-policy", "allkeys-lfu"])
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port), commandTimeout: .seconds(60))
        let admin = try await RedisConnection.connect(options)

        // 50% plain strings without TTL, the rest in namespaces: sessions in one wave, users with
        // jittered TTLs (a tenth without), hashes with a password field, a few locks.
        let populate = total / 2
        _ = try await admin.send(RedisCommand("DEBUG", "POPULATE", populate, "cache:page"))
        var commands: [RedisCommand] = []
        commands.reserveCapacity(10_000)
        for i in 0..<(total - populate) {
            switch i % 10 {
            case 0, 1, 2: commands.append(RedisCommand("SET", "session:\(i)", "{\"user\":\(i)}", "EX", 3600))
            case 3, 4, 5:
                commands.append(
                    i % 30 == 3
                        ? RedisCommand("SET", "user:\(i)", "row-\(i)")
                        : RedisCommand("SET", "user:\(i)", "row-\(i)", "EX", 3600 + i % 1800))
            case 6, 7: commands.append(RedisCommand("HSET", "account:\(i)", "name", "A \(i)", "password_hash", "x"))
            case 8: commands.append(RedisCommand("SET", "product:\(i % 50):\(i)", "{\"sku\":\(i),\"price\":1}", "PX", 7_200_000 + i % 100_000))
            default: commands.append(i % 1000 == 9 ? RedisCommand("SET", "job:\(i):lock", "w") : RedisCommand("RPUSH", "cart:\(i)", "a", "b"))
            }
            if commands.count == 10_000 {
                _ = try await admin.pipeline(commands)
                commands.removeAll(keepingCapacity: true)
            }
        }
        if !commands.isEmpty { _ = try await admin.pipeline(commands) }
        let loaded = try await admin.send(RedisCommand("DBSIZE")).int ?? 0

        let scan = try await RedisConnection.connect(options)
        let lookupA = try await RedisConnection.connect(options)
        let lookupB = try await RedisConnection.connect(options)
        let scanner = KeyspaceScanner(
            scanConnection: scan, lookupConnections: [lookupA, lookupB],
            policy: ScanLoadPolicy(maxCommandsPerSecond: nil, maxLookupsInFlight: 4))
        let scanStart = ContinuousClock.now
        await scanner.start()
        await scanner.waitUntilDone()
        let scanSeconds = seconds(ContinuousClock.now - scanStart)
        let view = await scanner.view

        let analysisOnly = ContinuousClock().measure { _ = DoctorAnalysis(view: view, now: wallClockMilliseconds()) }
        let doctorStart = ContinuousClock.now
        let report = await CacheDoctor(connection: scan, node: server.endpointDescription).diagnose(view)
        let doctorSeconds = seconds(ContinuousClock.now - doctorStart)
        await scan.close()
        await lookupA.close()
        await lookupB.close()
        await admin.close()

        func row(_ what: String, _ value: String, _ goal: String, _ ok: Bool?) -> String {
            let verdict = ok.map { $0 ? "ok" : "MISSED" } ?? ""
            return what.padding(toLength: 44, withPad: " ", startingAt: 0)
                + value.padding(toLength: 16, withPad: " ", startingAt: 0)
                + goal.padding(toLength: 12, withPad: " ", startingAt: 0) + verdict
        }
        let added = doctorSeconds / scanSeconds
        print("Doctor benchmark — \(loaded) keys indexed: \(view.count)")
        print(row("measure", "value", "goal", nil))
        print(row("index scan (name, type, TTL, memory)", String(format: "%.2f s", scanSeconds), "", nil))
        print(row("doctor: analysis + sampling", String(format: "%.3f s", doctorSeconds), "", nil))
        print(row("  one-pass analysis alone", String(format: "%.3f s", seconds(analysisOnly)), "", nil))
        print(row("  paced sampling (\(report.commandsSent) commands)", String(format: "%.3f s", report.samplingSeconds), "", nil))
        print(row("added to the index scan", String(format: "%.1f %%", added * 100), "≤ 20 %", added <= 0.2))
        print(row("findings (critical/warning/info)", "\(report.count(.critical))/\(report.count(.warning))/\(report.count(.info))", "", nil))
        for finding in report.findings.prefix(8) { print("  [\(finding.severity)] \(DoctorWording.title(finding))") }
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
