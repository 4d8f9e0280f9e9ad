import AppCore
import Foundation
import Inspector
import LocalRedis
import RedisClient
import Runtime
import Synchronization

/// Pub/Sub ingest against a loopback frame source (``PubSubFrameServer``) that can publish far
/// faster than Redis can on this machine, so the reader is what limits:
/// - capacity: N messages as fast as the reader takes them, to `redis-cli subscribe > /dev/null`
///   and to our subscriber (``SubscriberConnection`` drained into a ``MessageLog`` every 100 ms),
///   one after the other, median of 3 rounds; a reader's rate is N over the time until it has read
///   every byte (and, for ours, counted every message);
/// - paced: 1M messages/s for 5 s to ours: achieved rate, the most bytes we were behind (Redis
///   cuts a subscriber off when its output buffer passes 32 MB), RSS before/during/after;
/// - the same paced flood into the dashboard itself (``AppRuntime``, Pub/Sub pane): keypress to
///   frame measured while it runs, RSS.
enum PubSubIngestBenchmark {
    static let channel = PubSubBenchmark.channel
    static let payload = PubSubBenchmark.payload
    static let environment = ProcessInfo.processInfo.environment
    /// Messages per capacity round.
    static let capacityMessages = Int(environment["CACHESCOPE_BENCH_PUBSUB_MESSAGES"] ?? "") ?? 10_000_000
    static let rounds = Int(environment["CACHESCOPE_BENCH_PUBSUB_ROUNDS"] ?? "") ?? 3
    /// The paced flood: messages/s and seconds.
    static let pacedRate = Int(environment["CACHESCOPE_BENCH_PUBSUB_RATE"] ?? "") ?? 1_000_000
    static let pacedSeconds = Double(environment["CACHESCOPE_BENCH_PUBSUB_PACED_SECONDS"] ?? "") ?? 5
    /// Redis' hard output-buffer limit for pub/sub clients (`client-output-buffer-limit pubsub 32mb 8mb 60`).
    static let redisCutOff = 32 * 1024 * 1024
    /// A paced reader that finishes later than this after the schedule's end fell behind.
    static let behindAfter = 0.1

    static func run() async throws {
        guard let cliPath = ExecutableLookup.find("redis-cli") else {
            throw BenchError("redis-cli not found on PATH: the capacity rows compare against it, install redis-tools")
        }
        let server = try PubSubFrameServer(channel: channel, payload: payload)
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port), clientName: "cachescope-sub")

        // Capacity, rounds alternating redis-cli and ours (CACHESCOPE_BENCH_PUBSUB_ROUNDS=0 skips them).
        if rounds > 0 {
            try await capacityRows(server: server, options: options, cliPath: cliPath)
        }

        progress("paced: \(pacedRate) messages/s for \(pacedSeconds) s to cachescope's subscriber")
        let paced = try await pacedOurs(server: server, options: options)
        print("paced \(Formatting.number(Double(pacedRate))) messages/s for \(String(format: "%g", pacedSeconds)) s to cachescope (subscriber + log):")
        print(
            "  received \(paced.counted) of \(paced.outcome.messages) (log total \(paced.logTotal), \(paced.logKept) kept, capacity \(paced.logCapacity)): \(paced.counted == paced.outcome.messages ? "every message counted" : "MISSING MESSAGES")"
        )
        print(
            "  achieved \(format(paced.outcome.rate)) messages/s; read everything \(String(format: "%.0f", paced.outcome.lag * 1000)) ms after the last was due: \(paced.outcome.lag > behindAfter ? "FELL BEHIND" : "never fell behind")"
        )
        print("  " + behind(paced.outcome))
        print("  RSS before \(Formatting.bytes(Double(paced.rssBefore))), peak during \(Formatting.bytes(Double(paced.rssPeak))), after \(Formatting.bytes(Double(paced.rssAfter)))")

        progress("paced: the dashboard (AppRuntime, Pub/Sub pane) under the same flood, pressing ? and Esc")
        let app = try await PubSubResponsiveness.measure(server: server, rate: pacedRate, seconds: pacedSeconds)
        let sorted = app.latencies.sorted()
        print("the dashboard under \(Formatting.number(Double(pacedRate))) messages/s for \(String(format: "%g", pacedSeconds)) s (Pub/Sub pane, :sub \(channel)):")
        print("  keypress → frame over \(sorted.count) presses: median \(ms(percentile(sorted, 0.5))), p99 \(ms(percentile(sorted, 0.99))), max \(ms(sorted.last ?? 0)) (goal ≤ 50 ms)")
        print(
            "  achieved \(format(app.outcome.rate)) messages/s; read everything \(String(format: "%.0f", app.outcome.lag * 1000)) ms after the last was due: \(app.outcome.lag > behindAfter ? "FELL BEHIND" : "never fell behind"); the pane showed \"\(app.countShown) counted\""
        )
        print("  " + behind(app.outcome))
        print("  RSS before \(Formatting.bytes(Double(app.rssBefore))), peak during \(Formatting.bytes(Double(app.rssPeak))), after \(Formatting.bytes(Double(app.rssAfter)))")

        var failures: [String] = []
        if paced.counted != paced.outcome.messages { failures.append("paced: counted \(paced.counted) of \(paced.outcome.messages)") }
        if paced.logTotal != paced.outcome.messages { failures.append("paced: the message log counted \(paced.logTotal) of \(paced.outcome.messages)") }
        if paced.logKept > paced.logCapacity { failures.append("paced: the log kept \(paced.logKept) entries, over its capacity \(paced.logCapacity)") }
        if app.countShown != Formatting.number(Double(app.outcome.messages)) {
            failures.append("the dashboard's pane showed \(app.countShown) counted, not \(Formatting.number(Double(app.outcome.messages)))")
        }
        guard failures.isEmpty else { throw BenchError(failures.joined(separator: "; ")) }
    }

    /// The capacity rows: `rounds` rounds of redis-cli then ours, medians and their ratio.
    static func capacityRows(server: PubSubFrameServer, options: ConnectionOptions, cliPath: String) async throws {
        var cliRates: [Double] = []
        var ourRates: [Double] = []
        for round in 1...rounds {
            progress("capacity round \(round)/\(rounds): \(capacityMessages) messages to redis-cli > /dev/null")
            cliRates.append(try await capacityRedisCLI(server: server, path: cliPath).rate)
            progress("capacity round \(round)/\(rounds): \(capacityMessages) messages to cachescope's subscriber")
            ourRates.append(try await capacityOurs(server: server, options: options).rate)
        }
        let cliMedian = median(cliRates)
        let ourMedian = median(ourRates)
        let frameBytes = PubSubFrameServer.frame(resp3: true, [Array("message".utf8), Array(channel.utf8), Array(payload.utf8)]).count
        print(
            "loopback frame source, as fast as each reader reads: \(Formatting.number(Double(capacityMessages))) messages of \(frameBytes) bytes (\(payload.utf8.count)-byte payload), median of \(rounds)"
        )
        print(row("reader", "messages/s (median)", "rounds"))
        print(row("redis-cli subscribe > /dev/null", format(cliMedian), cliRates.map(format).joined(separator: ", ")))
        print(row("cachescope (subscriber + log)", format(ourMedian), ourRates.map(format).joined(separator: ", ")))
        print("ratio cachescope / redis-cli: \(String(format: "%.2f", ourMedian / max(1, cliMedian)))  (goal ≥ 0.90); every message counted in every round: yes")
    }

    // MARK: - Rows

    /// One capacity round to `redis-cli -p PORT subscribe CHANNEL > /dev/null`.
    static func capacityRedisCLI(server: PubSubFrameServer, path: String) async throws -> FrameStream.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-h", "127.0.0.1", "-p", String(server.port), "subscribe", channel]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { stop(process) }
        let stream = try await FrameStream.onThread { try server.nextSubscriber() }
        defer { stream.close() }
        let count = capacityMessages
        let outcome = try await FrameStream.onThread { try stream.capacity(messages: count) }
        guard process.isRunning else { throw BenchError("redis-cli exited (status \(process.terminationStatus)) before reading everything") }
        return outcome
    }

    /// One capacity round to our subscriber, drained into a message log every 100 ms.
    static func capacityOurs(server: PubSubFrameServer, options: ConnectionOptions) async throws -> FrameStream.Outcome {
        let reader = try await OurReader.start(server: server, options: options)
        let inbox = reader.inbox
        let count = capacityMessages
        let result: Result<FrameStream.Outcome, any Error>
        do {
            result = .success(try await FrameStream.onThread { try reader.stream.capacity(messages: count, done: { inbox.totalReceived >= count }) })
        } catch {
            result = .failure(error)
        }
        let log = await reader.finish()
        let outcome = try result.get()
        guard inbox.totalReceived == count, log.totalCounted == count else {
            throw BenchError("cachescope counted \(inbox.totalReceived) (log \(log.totalCounted)) of \(count) messages written")
        }
        return outcome
    }

    struct Paced {
        var outcome: FrameStream.Outcome
        var counted: Int
        var logTotal: Int
        var logKept: Int
        var logCapacity: Int
        var rssBefore: Int
        var rssPeak: Int
        var rssAfter: Int
    }

    /// The paced flood to our subscriber + log, RSS sampled every 50 ms.
    static func pacedOurs(server: PubSubFrameServer, options: ConnectionOptions) async throws -> Paced {
        let reader = try await OurReader.start(server: server, options: options)
        let inbox = reader.inbox
        let rate = pacedRate
        let seconds = pacedSeconds
        let expected = Int(Double(rate) * seconds)
        let rssBefore = ProcessMemory.residentBytes()
        let sampler = RSSSampler()
        let result: Result<FrameStream.Outcome, any Error>
        do {
            result = .success(try await FrameStream.onThread { try reader.stream.paced(rate: rate, seconds: seconds, done: { inbox.totalReceived >= expected }) })
        } catch {
            result = .failure(error)
        }
        let rssPeak = sampler.finish()
        let log = await reader.finish()
        let outcome = try result.get()
        return Paced(
            outcome: outcome, counted: inbox.totalReceived, logTotal: log.totalCounted, logKept: log.entries.count,
            logCapacity: log.capacity, rssBefore: rssBefore, rssPeak: rssPeak, rssAfter: ProcessMemory.residentBytes())
    }

    // MARK: - Pieces

    /// Our side of a round: a subscriber on the channel, drained into a message log every 100 ms
    /// as the app does, and the stream the frame source opened for it.
    struct OurReader {
        let subscriber: SubscriberConnection
        let drainer: LogDrainer
        let stream: FrameStream
        var inbox: PubSubInbox { subscriber.inbox }

        static func start(server: PubSubFrameServer, options: ConnectionOptions) async throws -> OurReader {
            let subscriber = SubscriberConnection(options: options, inbox: PubSubInbox(capacity: 10_000))
            await subscriber.subscribe([Array(channel.utf8)], kind: .channel)
            let drainer = LogDrainer(inbox: subscriber.inbox)
            do {
                let stream = try await FrameStream.onThread { try server.nextSubscriber() }
                return OurReader(subscriber: subscriber, drainer: drainer, stream: stream)
            } catch {
                await subscriber.close()
                _ = await drainer.finish()
                throw error
            }
        }

        /// Closes the subscriber and the stream; the log with everything that was read.
        func finish() async -> MessageLog {
            await subscriber.close()
            stream.close()
            return await drainer.finish()
        }
    }

    /// How far behind a paced reader got, against Redis' pub/sub cut-off.
    static func behind(_ outcome: FrameStream.Outcome) -> String {
        "most unread \(Formatting.bytes(Double(outcome.maxUnread))) (\(Formatting.bytes(Double(outcome.maxQueued))) in socket queues): \(outcome.maxUnread < redisCutOff ? "below" : "PAST") Redis' \(Formatting.bytes(Double(redisCutOff))) cut-off; a write waited ≤ \(ms(outcome.longestSend)) for room (at \(String(format: "%.2f", outcome.longestSendAt)) s), the source woke ≤ \(ms(outcome.latestWake)) late"
    }

    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
    static func format(_ value: Double) -> String { String(format: "%.0f", value) }
    static func progress(_ text: String) { PubSubBenchmark.progress(text) }

    static func row(_ columns: String...) -> String {
        zip(columns, [34, 22, 40]).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " ")
    }
}
