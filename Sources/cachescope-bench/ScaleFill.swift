import Foundation
import Inspector
import LocalRedis
import NIOCore
import RESP
import RedisClient

/// Writing the generated keyspace into a server, and the exact figures the benchmark compares
/// the estimates with.
enum ScaleFill {
    /// Pipes every key of `keyspace` into the server on `port` through `redis-cli --pipe`, the
    /// stream generated here and written in 1 MiB chunks (constant memory at any size).
    /// - Returns: seconds taken and commands sent.
    /// - Throws: when redis-cli fails or reports errors.
    static func fill(_ keyspace: ScaleKeyspace, port: Int) throws -> (seconds: Double, commands: Int) {
        signal(SIGPIPE, SIG_IGN)
        let outputPath = NSTemporaryDirectory() + "cachescope-bench-fill-\(getpid()).txt"
        guard FileManager.default.createFile(atPath: outputPath, contents: nil) else { throw LocalRedisError("could not write \(outputPath)") }
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let input = Pipe()
        let cli = Process()
        cli.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        cli.arguments = ["redis-cli", "-p", String(port), "--pipe"]
        cli.standardInput = input
        cli.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        cli.standardError = cli.standardOutput
        let started = ContinuousClock.now
        try cli.run()
        var stream = RESPStream(descriptor: input.fileHandleForWriting.fileDescriptor)
        var mset: [RESPStream.Argument] = []
        for i in 0..<keyspace.total { keyspace.appendCommands(for: i, to: &stream, mset: &mset) }
        keyspace.flush(&mset, to: &stream)
        stream.flush()
        try input.fileHandleForWriting.close()
        cli.waitUntilExit()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard cli.terminationStatus == 0, output.contains("errors: 0,") else {
            throw LocalRedisError("redis-cli --pipe: status \(cli.terminationStatus), \(output.suffix(500))")
        }
        return ((ContinuousClock.now - started).seconds, stream.commands)
    }

    /// One folder's exact figures.
    struct Truth: Sendable {
        var keys: Int
        var withoutTTL: Int
        /// `MEMORY USAGE … SAMPLES n` summed over the folder's keys (the exact pass).
        var memory: Double = 0
        /// Keys the exact pass saw under the folder (= `keys` unless the keyspace moved).
        var keysSeen = 0

        /// Counts one key of `memory` bytes seen by the exact pass.
        mutating func add(_ memory: Double) {
            self.memory += memory
            keysSeen += 1
        }
    }

    /// The exact memory of every folder: a bounded pass after the measured phase, `SCAN COUNT
    /// 1000` with the `MEMORY USAGE … SAMPLES samples` of each batch pipelined on a second
    /// connection while the next SCAN runs, summed per folder only (nothing per key is kept).
    /// - Returns: seconds taken and keys seen; `truths` gains memory and keys seen.
    static func exactMemory(
        scan: RedisConnection, lookups: RedisConnection, samples: Int, truths: inout [[UInt8]: Truth]
    ) async throws -> (seconds: Double, keys: Int, memory: Double) {
        let started = ContinuousClock.now
        let options = KeyLookup.memoryOptions(samples: samples)
        var cursor: [UInt8] = Array("0".utf8)
        var pending: Task<(keys: [[UInt8]], replies: [RESPValue]), any Error>?
        var keysSeen = 0
        var total = 0.0
        func apply(_ keys: [[UInt8]], _ replies: [RESPValue]) {
            for (key, reply) in zip(keys, replies) {
                let memory = Double(reply.int ?? 0)
                total += memory
                for folder in ScaleKeyspace.folders(of: key) { truths[folder, default: Truth(keys: 0, withoutTTL: 0)].add(memory) }
            }
            keysSeen += keys.count
        }
        repeat {
            let reply = try await scan.send(RedisCommand(arguments: [Array("SCAN".utf8), cursor, Array("COUNT".utf8), Array("1000".utf8)]))
            guard let parts = reply.array, parts.count == 2, let next = parts[0].bytes, let found = parts[1].array else {
                throw KeyspaceError.unexpectedReply(command: "SCAN")
            }
            cursor = next
            let keys = found.compactMap(\.bytes)
            if let previous = pending {
                let (keys, replies) = try await previous.value
                apply(keys, replies)
            }
            let commands = keys.map { RedisCommand(arguments: [Array("MEMORY".utf8), Array("USAGE".utf8), $0] + options) }
            pending = Task { (keys, try await lookups.pipeline(commands)) }
        } while cursor != Array("0".utf8)
        if let previous = pending {
            let (keys, replies) = try await previous.value
            apply(keys, replies)
        }
        return ((ContinuousClock.now - started).seconds, keysSeen, total)
    }
}
