import Foundation
import LocalRedis
import NIOCore
import NIOPosix
import RESP
import RedisClient

/// Client throughput: our pipelined GETs against `redis-benchmark` on the same private server, and
/// the RESP decoder on synthetic buffers. Prints a table; see `run()`.
enum ClientBenchmark {
    /// Connections, like redis-benchmark's default 50 clients.
    /// Connections, like redis-benchmark's -c (CACHESCOPE_BENCH_CONNECTIONS to change; both sides use it).
    static let connections = ProcessInfo.processInfo.environment["CACHESCOPE_BENCH_CONNECTIONS"].flatMap(Int.init) ?? 50
    /// Commands per pipelined batch (redis-benchmark `-P 16`).
    static let depth = 16
    /// GETs per measurement (redis-benchmark `-n 2000000`).
    static let requests = 2_000_000
    static let rounds = 3
    /// Which of the three columns to measure (indices 0 = ours on one thread, 1 = ours on the shared
    /// group, 2 = redis-benchmark), e.g. `CACHESCOPE_BENCH_CLIENT_VARIANTS=0` while profiling ours.
    static let variants: [Int] =
        ProcessInfo.processInfo.environment["CACHESCOPE_BENCH_CLIENT_VARIANTS"]
        .map { $0.split(separator: ",").compactMap { Int($0) }.filter { (0..<3).contains($0) } } ?? [0, 1, 2]

    /// Runs every measurement and prints the table.
    static func run() async throws {
        print("== RESP decoder ==")
        let decoder = decoderThroughput()
        print(row("workload", "MB/s", "replies/s"))
        for result in decoder {
            print(row(result.name, String(format: "%.0f", result.megabytesPerSecond), String(format: "%.0f", result.repliesPerSecond)))
        }

        print("\n== pipelined GET, \(connections) connections, depth \(depth), \(requests) requests ==")
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port))
        let setup = try await RedisConnection.connect(options)
        // redis-benchmark -t get reads the literal key "key:__rand_int__" (no -r); give it a 3-byte value
        // (its default -d 3) so both clients fetch the same reply.
        _ = try await setup.send(RedisCommand("SET", "key:__rand_int__", "xxx"))
        await setup.close()

        // Ours on one event-loop thread (like redis-benchmark's single thread, leaving the other core
        // to the server) and on NIO's shared group (one thread per core, competing with the server).
        // CPU per GET is printed too: on a 2-core machine client and server share the cores, so the
        // client's CPU per request decides throughput, and it is steadier than the rates.
        let single = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let admin = try await RedisConnection.connect(options)
        var rates: [[Double]] = [[], [], []]
        var clientCPU: [[Double]] = [[], [], []]
        var serverCPU: [[Double]] = [[], [], []]
        print(row("round", "ours, 1 loop thread", "ours, shared group", "redis-benchmark", "ratio (1 thread)", "ratio (shared)"))
        for round in 1...rounds {
            for variant in 0..<3 {
                guard variants.contains(variant) else {
                    rates[variant].append(.nan)
                    clientCPU[variant].append(.nan)
                    serverCPU[variant].append(.nan)
                    continue
                }
                let ownBefore = CPUTime.ownProcess()
                let childrenBefore = CPUTime.waitedChildren()
                let serverBefore = try await CPUTime.server(admin)
                let rate: Double
                switch variant {
                case 0: rate = try await pipelinedGets(options, group: single)
                case 1: rate = try await pipelinedGets(options, group: MultiThreadedEventLoopGroup.singleton)
                default: rate = try redisBenchmark(port: server.port)
                }
                let client = variant == 2 ? CPUTime.waitedChildren() - childrenBefore : CPUTime.ownProcess() - ownBefore
                rates[variant].append(rate)
                clientCPU[variant].append(client / Double(requests) * 1e6)
                serverCPU[variant].append((try await CPUTime.server(admin) - serverBefore) / Double(requests) * 1e6)
            }
            let (one, shared, reference) = (rates[0][round - 1], rates[1][round - 1], rates[2][round - 1])
            print(
                row(
                    "\(round)", format(one), format(shared), format(reference),
                    String(format: "%.2f", one / reference), String(format: "%.2f", shared / reference)))
        }
        try await single.shutdownGracefully()
        await admin.close()
        let (one, shared, reference) = (median(rates[0]), median(rates[1]), median(rates[2]))
        print(
            row(
                "median", format(one), format(shared), format(reference),
                String(format: "%.2f", one / reference), String(format: "%.2f", shared / reference)))
        print(
            row(
                "client CPU µs/GET, median", String(format: "%.2f", median(clientCPU[0])), String(format: "%.2f", median(clientCPU[1])),
                String(format: "%.2f", median(clientCPU[2])), String(format: "%.2f", median(clientCPU[0]) / median(clientCPU[2])),
                String(format: "%.2f", median(clientCPU[1]) / median(clientCPU[2]))))
        print(
            row(
                "server CPU µs/GET, median", String(format: "%.2f", median(serverCPU[0])), String(format: "%.2f", median(serverCPU[1])),
                String(format: "%.2f", median(serverCPU[2])), "", ""))
        print("(GET/s; each connection's batches run in a task preferring that connection's event loop, so a")
        print(" reply resumes its caller without a thread hop; shared group: \(System.coreCount) threads (one per core);")
        print(" redis-benchmark: -P \(depth) -c \(connections) -t get -n \(requests) -q; CPU ratios are ours / redis-benchmark's)")
    }

    // MARK: - Pipelined GET

    /// GETs per second over `connections` connections on `group`, each sending depth-`depth` batches
    /// from a task that prefers its connection's event loop (no thread hop per batch).
    static func pipelinedGets(_ options: ConnectionOptions, group: any EventLoopGroup) async throws -> Double {
        var clients: [RedisConnection] = []
        for _ in 0..<connections { clients.append(try await RedisConnection.connect(options, group: group)) }
        let batch = Array(repeating: RedisCommand("GET", "key:__rand_int__"), count: depth)
        let batchesPerClient = requests / depth / connections
        let clock = ContinuousClock()
        let started = clock.now
        try await withThrowingTaskGroup(of: Int.self) { group in
            for client in clients {
                group.addTask(executorPreference: client.taskExecutor) {
                    var replies = 0
                    for _ in 0..<batchesPerClient { replies += try await client.pipeline(batch).count }
                    return replies
                }
            }
            var total = 0
            for try await count in group { total += count }
            precondition(total == batchesPerClient * depth * connections)
        }
        let elapsed = clock.now - started
        for client in clients { await client.close() }
        return Double(batchesPerClient * depth * connections) / elapsed.seconds
    }

    /// Runs `redis-benchmark -P 16 -t get -n 2000000 -q` and parses its requests per second.
    static func redisBenchmark(port: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "redis-benchmark", "-h", "127.0.0.1", "-p", String(port), "-P", String(depth),
            "-c", String(connections), "-t", "get", "-n", String(requests), "-q",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        // The final line is `GET: 1612903.25 requests per second, p50=…`; progress lines use \r.
        for line in text.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).reversed() {
            if let range = line.range(of: "GET: "), let end = line.range(of: " requests per second") {
                if let value = Double(line[range.upperBound..<end.lowerBound]) { return value }
            }
        }
        throw LocalRedisError("could not read redis-benchmark's result from: \(text.suffix(200))")
    }

    // MARK: - Decoder

    struct DecoderResult {
        var name: String
        var megabytesPerSecond: Double
        var repliesPerSecond: Double
    }

    /// Decodes synthetic streams in 64 KiB reads, best of 5.
    static func decoderThroughput() -> [DecoderResult] {
        var results: [DecoderResult] = []
        // 1,000,000 small bulk-string replies (the GET workload).
        var bulk = ByteBuffer()
        for index in 0..<1_000_000 {
            RESPEncoder.encode(.bulkString(ByteBuffer(string: "value:\(index % 1000)")), into: &bulk)
        }
        results.append(measure("bulk strings (GET replies)", bulk, replies: 1_000_000))
        // 10,000 SCAN-like replies: [cursor, [100 keys]].
        var scan = ByteBuffer()
        for page in 0..<10_000 {
            let keys = (0..<100).map { RESPValue.bulkString(ByteBuffer(string: "cache:user:\(page):\($0)")) }
            RESPEncoder.encode(.array([.bulkString(ByteBuffer(string: "\(page * 7919)")), .array(keys)]), into: &scan)
        }
        results.append(measure("SCAN pages of 100 keys", scan, replies: 10_000))
        // INFO-like: 2,000 large bulk strings of 4 KiB.
        var large = ByteBuffer()
        let payload = ByteBuffer(repeating: UInt8(ascii: "a"), count: 4096)
        for _ in 0..<2_000 { RESPEncoder.encode(.bulkString(payload), into: &large) }
        results.append(measure("4 KiB bulk strings", large, replies: 2_000))
        return results
    }

    static func measure(_ name: String, _ stream: ByteBuffer, replies: Int) -> DecoderResult {
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000)
        for _ in 0..<5 {
            var decoder = RESPDecoder()
            var source = stream
            var pending = ByteBuffer()
            var count = 0
            let started = clock.now
            while source.readableBytes > 0 {
                var chunk = source.readSlice(length: min(65_536, source.readableBytes))!
                if pending.readableBytes == 0 { pending = chunk } else { pending.writeBuffer(&chunk) }
                while let _ = try? decoder.decode(&pending) { count += 1 }
            }
            let elapsed = clock.now - started
            precondition(count == replies, "decoded \(count) of \(replies)")
            best = min(best, elapsed)
        }
        let seconds = best.seconds
        return DecoderResult(
            name: name, megabytesPerSecond: Double(stream.readableBytes) / 1_000_000 / seconds,
            repliesPerSecond: Double(replies) / seconds)
    }

    // MARK: - Formatting

    static func row(_ columns: String...) -> String {
        columns.enumerated().map { index, column in
            index == 0
                ? column.padding(toLength: 28, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, 22 - column.count)) + column
        }.joined()
    }

    static func format(_ value: Double) -> String { String(format: "%.0f", value) }

}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
