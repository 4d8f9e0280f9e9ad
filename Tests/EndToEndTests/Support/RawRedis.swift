import Foundation

/// Writes commands holding any bytes (escape sequences, invalid UTF-8, megabyte values) with
/// `redis-cli --pipe`, which reads raw RESP from stdin: nothing passes through an argv string.
enum RawRedis {
    /// One command as RESP, its arguments as raw bytes.
    static func encode(_ arguments: [[UInt8]]) -> [UInt8] {
        var out = Array("*\(arguments.count)\r\n".utf8)
        for argument in arguments {
            out += Array("$\(argument.count)\r\n".utf8) + argument + Array("\r\n".utf8)
        }
        return out
    }

    /// Runs the commands against 127.0.0.1:`port`; fails when redis-cli reports errors.
    static func run(port: Int, _ commands: [[[UInt8]]]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["redis-cli", "-p", String(port), "--pipe"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let payload = commands.flatMap(encode)
        // Written from another thread so a full pipe never deadlocks against the reader below.
        let writer = input.fileHandleForWriting
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            writer.write(Data(payload))
            try? writer.close()
            done.signal()
        }
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        done.wait()
        guard process.terminationStatus == 0, report.contains("errors: 0") else {
            throw TmuxSession.Failure(description: "redis-cli --pipe failed: \(report)")
        }
    }

    /// Runs commands given as text lines on redis-cli's stdin (so a password in them never
    /// appears on any command line).
    static func stdin(port: Int, _ lines: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["redis-cli", "-p", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }
}

extension String {
    /// The string's UTF-8 bytes.
    var bytes: [UInt8] { Array(utf8) }
}
