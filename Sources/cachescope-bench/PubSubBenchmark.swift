import AppCore
import Foundation
import Inspector
import LocalRedis
import NIOCore
import RESP
import RedisClient
import Synchronization
import TerminalUI

/// Pub/Sub ingest: publishers flood one channel for a few seconds while two subscribers read it in
/// the same run: `redis-cli subscribe` (its output read and counted by a plain pipe reader) and
/// cachescope's `SubscriberConnection` feeding a `MessageLog` every 100 ms, as the app does.
/// Prints each one's messages/s and the ratio, the largest output buffer Redis held for each
/// (`omem` in CLIENT LIST; Redis cuts a pub/sub client off at 32 MB), whether either was cut off,
/// our RSS, and the published count (INFO commandstats) against each subscriber's count.
enum PubSubBenchmark {
    static let channel = "bench:chan"
    static let payload = "hello-cachescope"
    /// How long the publishers run.
    static let seconds = Double(ProcessInfo.processInfo.environment["CACHESCOPE_BENCH_PUBSUB_SECONDS"] ?? "") ?? 5
    /// redis-benchmark publisher processes (each -c 4 -P 64).
    static let publishers = Int(ProcessInfo.processInfo.environment["CACHESCOPE_BENCH_PUBLISHERS"] ?? "") ?? 2

    static func run() async throws {
        progress("starting redis-server")
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port), clientName: "cachescope-sub")
        let admin = try await RedisConnection.connect(ConnectionOptions(endpoint: options.endpoint, clientName: "bench-admin"))

        // redis-cli, its output counted by a reader thread (newlines; 3 per message).
        let cli = try RedisCLISubscriber(port: server.port, channel: channel)
        defer { cli.stop() }
        // Ours, drained into a message log every 100 ms.
        let subscriber = SubscriberConnection(options: options, inbox: PubSubInbox(capacity: 10_000))
        await subscriber.subscribe([Array(channel.utf8)], kind: .channel)
        let logTask = LogDrainer(inbox: subscriber.inbox)
        progress("waiting for both subscribers")

        let ready = ContinuousClock.now + .seconds(10)
        while try await numsub(admin) < 2 {
            guard ContinuousClock.now < ready else { throw LocalRedisError("the subscribers did not subscribe within 10 s") }
            try await Task.sleep(for: .milliseconds(20))
        }
        _ = try await admin.send(RedisCommand("CONFIG", "RESETSTAT"))
        let oursBefore = subscriber.inbox.totalReceived
        let watcher = CountWatcher(inbox: subscriber.inbox)
        let cliBefore = cli.messages
        progress("publishing for \(seconds) s with \(publishers) redis-benchmark processes")

        // Publish for `seconds`, sampling CLIENT LIST.
        let started = ContinuousClock.now
        var processes: [Process] = []
        for _ in 0..<publishers { processes.append(try startPublisher(port: server.port)) }
        var maxOmemOurs = 0
        var maxOmemCli = 0
        var samples = 0
        var ourLast = started
        var ourLastCount = oursBefore
        let publishEnd = started + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < publishEnd {
            try await Task.sleep(for: .milliseconds(250))
            let clients = try await clientList(admin)
            samples += 1
            maxOmemOurs = max(maxOmemOurs, clients.first { $0["name"] == "cachescope-sub" }.flatMap { Int($0["omem"] ?? "") } ?? 0)
            maxOmemCli = max(maxOmemCli, clients.first { $0["cmd"] == "subscribe" && $0["name"] != "cachescope-sub" }.flatMap { Int($0["omem"] ?? "") } ?? 0)
        }
        try await stop(processes)
        let publishersStopped = ContinuousClock.now
        let published = try await publishCalls(admin)
        progress("published \(published); waiting for the subscribers to read everything")

        // Let both subscribers finish reading what was sent (until their counts stop moving).
        let drainDeadline = ContinuousClock.now + .seconds(20)
        var cliStable = 0
        var lastCli = -1
        while ContinuousClock.now < drainDeadline {
            let ours = subscriber.inbox.totalReceived
            if ours != ourLastCount {
                ourLastCount = ours
                ourLast = ContinuousClock.now
            }
            let current = cli.messages
            cliStable = current == lastCli ? cliStable + 1 : 0
            lastCli = current
            if ours - oursBefore >= published && (current - cliBefore >= published || cliStable > 50) { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        progress("measuring")
        let clients = try await clientList(admin)
        let oursConnected = clients.contains { $0["name"] == "cachescope-sub" }
        let cliConnected = clients.contains { $0["cmd"] == "subscribe" && $0["name"] != "cachescope-sub" }
        let log = await logTask.finish()
        progress("log drained")
        let rss = ProcessMemory.residentBytes()

        let oursCount = subscriber.inbox.totalReceived - oursBefore
        let cliCount = cli.messages - cliBefore
        _ = ourLast
        let oursSeconds = max(0.001, (watcher.finish() - started).seconds)
        let cliSeconds = max(0.001, (cli.lastRead - started).seconds)
        let oursRate = Double(oursCount) / oursSeconds
        let cliRate = Double(cliCount) / cliSeconds
        let publishRate = Double(published) / (publishersStopped - started).seconds

        print(
            "published \(published) messages in \(String(format: "%.1f", (publishersStopped - started).seconds)) s (\(format(publishRate))/s; \(publishers) × redis-benchmark -c 4 -P 64 PUBLISH, \(payload.utf8.count)-byte payload)"
        )
        print(row("subscriber", "messages", "seconds", "messages/s", "max omem", "cut off"))
        print(row("redis-cli subscribe", "\(cliCount)", String(format: "%.2f", cliSeconds), format(cliRate), Formatting.bytes(Double(maxOmemCli)), cliConnected ? "no" : "YES"))
        print(row("cachescope", "\(oursCount)", String(format: "%.2f", oursSeconds), format(oursRate), Formatting.bytes(Double(maxOmemOurs)), oursConnected ? "no" : "YES"))
        print("ratio cachescope / redis-cli: \(String(format: "%.2f", oursRate / max(1, cliRate)))  (goal ≥ 0.90)")
        print("every message counted: published \(published), cachescope counted \(oursCount) (log total \(log.totalCounted)), redis-cli printed \(cliCount): \(oursCount == published ? "yes" : "NO")")
        print("message log: \(log.entries.count) shown of \(log.totalCounted) counted (capacity \(log.capacity)); CLIENT LIST sampled \(samples)×")
        print("bench RSS (VmRSS, cachescope subscriber + log in this process): \(Formatting.bytes(Double(rss)))")
        await subscriber.close()
        await admin.close()
        progress("closed; measuring the UI loop")
        uiCost()
        print("")
        try await PubSubIngestBenchmark.run()
    }

    /// What one 100 ms batch at this rate costs the app's loop: `update` with a batch of 10,000
    /// kept messages (of 120,000 counted) into a full 10,000-entry log, then a full frame; and a
    /// keypress (`j`) with its frame. Keypress to frame is at most one batch plus one keypress.
    static func uiCost() {
        var state = AppState(addresses: ["127.0.0.1:6379"], width: 200, height: 60)
        _ = AppUpdate.update(&state, .terminal(.key(.character("4"))))
        // Batches arrive already copied into owned bytes (the runtime's drain does that off the loop).
        func batch(_ round: Int) -> ReceivedMessages {
            let messages = (0..<10_000).map { i in
                PubSubMessage(
                    kind: .channel, channel: ByteBuffer(string: channel), pattern: nil,
                    payload: ByteBuffer(string: "{\"order\":\(round * 10_000 + i),\"state\":\"paid\"}"), receivedAt: WallClock.nanoseconds())
            }
            let drained = PubSubBatch(messages: messages, received: 120_000, channelCounts: [ByteBuffer(string: channel): 120_000])
            return ReceivedMessages(drained, keepingNewest: 10_000)
        }
        let batches = (0..<12).map(batch)
        var batchTimes: [Double] = []
        var keyTimes: [Double] = []
        let clock = ContinuousClock()
        for (round, b) in batches.enumerated() {
            let start = clock.now
            _ = AppUpdate.update(&state, .pubsubReceived(node: 0, batch: b, now: Double(round) / 10))
            _ = AppView.render(state)
            let mid = clock.now
            _ = AppUpdate.update(&state, .terminal(.key(.character("j"))))
            _ = AppView.render(state)
            batchTimes.append((mid - start).seconds * 1000)
            keyTimes.append((clock.now - mid).seconds * 1000)
        }
        let worstBatch = batchTimes.dropFirst(2).max() ?? 0
        let worstKey = keyTimes.dropFirst(2).max() ?? 0
        print(
            "UI loop at 1.2M msgs/s (10,000 kept of 120,000 per 100 ms batch, log full): batch+frame \(String(format: "%.1f", worstBatch)) ms, keypress+frame \(String(format: "%.1f", worstKey)) ms (worst of 10); keypress to frame ≤ \(String(format: "%.1f", worstBatch + worstKey)) ms (goal ≤ 50)"
        )
    }

    // MARK: - Pieces

    /// A stage, on stderr (so a stuck run says where).
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data("  [pubsub] \(text)\n".utf8))
    }

    static func startPublisher(port: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "redis-benchmark", "-h", "127.0.0.1", "-p", String(port), "-c", "4", "-P", "64",
            "-n", "100000000", "-q", "PUBLISH", channel, payload,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Stops publishers by pid (SIGTERM, then SIGKILL) and waits for them without blocking a thread.
    static func stop(_ processes: [Process]) async throws {
        for process in processes where process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + .seconds(2)
        while processes.contains(where: \.isRunning), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while processes.contains(where: \.isRunning) { try await Task.sleep(for: .milliseconds(10)) }
    }

    static func numsub(_ admin: RedisConnection) async throws -> Int64 {
        let reply = try await admin.send(RedisCommand("PUBSUB", "NUMSUB", channel))
        guard case .array(let items) = reply, items.count == 2 else { return 0 }
        return items[1].int ?? 0
    }

    /// `cmdstat_publish:calls=N` from INFO commandstats.
    static func publishCalls(_ admin: RedisConnection) async throws -> Int {
        let text = try await admin.send(RedisCommand("INFO", "commandstats")).string ?? ""
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("cmdstat_publish:") }),
            let calls = line.split(separator: ",").first?.split(separator: "=").last
        else { return 0 }
        return Int(calls) ?? 0
    }

    static func clientList(_ admin: RedisConnection) async throws -> [[String: String]] {
        let text = try await admin.send(RedisCommand("CLIENT", "LIST")).string ?? ""
        return text.split(whereSeparator: \.isNewline).map { line in
            var fields: [String: String] = [:]
            for part in line.split(separator: " ") {
                let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2 else { continue }
                fields[String(pair[0])] = String(pair[1])
            }
            return fields
        }
    }

    static func row(_ columns: String...) -> String {
        zip(columns, [22, 12, 9, 13, 11, 8]).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " ")
    }

    static func format(_ value: Double) -> String { String(format: "%.0f", value) }
}

/// Notes when an inbox's count last moved (checked every 2 ms), for the subscriber's finishing time.
final class CountWatcher: Sendable {
    final class Box: Sendable {
        let value = Mutex<(count: Int, last: ContinuousClock.Instant, stop: Bool)>((0, .now, false))
    }
    private let box = Box()

    init(inbox: PubSubInbox) {
        let box = self.box
        box.value.withLock { $0.count = inbox.totalReceived }
        Thread {
            while true {
                let count = inbox.totalReceived
                let stop = box.value.withLock { s -> Bool in
                    if count != s.count {
                        s.count = count
                        s.last = .now
                    }
                    return s.stop
                }
                if stop { break }
                usleep(2000)
            }
        }.start()
    }

    /// Stops watching; returns when the count last moved.
    func finish() -> ContinuousClock.Instant {
        box.value.withLock {
            $0.stop = true
            return $0.last
        }
    }
}

/// Drains an inbox into a message log every 100 ms, as the app's loop would.
final class LogDrainer: Sendable {
    private let task: Task<MessageLog, Never>
    private let stop = Flag()

    init(inbox: PubSubInbox) {
        let stop = self.stop
        task = Task.detached {
            var log = MessageLog(capacity: 10_000)
            while !stop.value.load(ordering: .relaxed) {
                try? await Task.sleep(for: .milliseconds(100))
                log.ingest(inbox.drain(), now: MonotonicClock.now())
            }
            log.ingest(inbox.drain(), now: MonotonicClock.now())
            return log
        }
    }

    func finish() async -> MessageLog {
        stop.value.store(true, ordering: .relaxed)
        return await task.value
    }
}

/// `redis-cli subscribe CHANNEL` with its output read by a thread that only counts newlines.
final class RedisCLISubscriber: @unchecked Sendable {
    private let process = Process()
    private let counters = Counters()
    private let origin = ContinuousClock.now

    final class Counters: Sendable {
        let lines = Atomic<Int>(0)
        let lastReadNanos = Atomic<Int64>(0)
    }

    init(port: Int, channel: String) throws {
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["redis-cli", "-h", "127.0.0.1", "-p", String(port), "subscribe", channel]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let fd = pipe.fileHandleForReading.fileDescriptor
        let counters = self.counters
        let origin = self.origin
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                var count = 0
                buffer.withUnsafeBytes { raw in
                    for i in 0..<n where raw[i] == UInt8(ascii: "\n") { count += 1 }
                }
                counters.lines.add(count, ordering: .relaxed)
                let elapsed = ContinuousClock.now - origin
                counters.lastReadNanos.store(Int64(elapsed.components.seconds) * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000, ordering: .relaxed)
            }
        }
        thread.start()
    }

    /// Messages printed (3 lines each, after the 3-line subscribe confirmation).
    var messages: Int { max(0, counters.lines.load(ordering: .relaxed) - 3) / 3 }

    /// When output was last read.
    var lastRead: ContinuousClock.Instant { origin + .nanoseconds(counters.lastReadNanos.load(ordering: .relaxed)) }

    func stop() {
        if process.isRunning { process.terminate() }
    }
}
