import Foundation

/// A tmux control-mode client (`tmux -C attach`) kept open for the whole soak: each command is a
/// line written to it, its answer the lines between `%begin` and `%end`.
///
/// Why not one `tmux` process per command: starting a process costs 10–30 ms on a loaded 2-core
/// machine, so a keypress timed by polling `capture-pane` that way measures the poller more than
/// the dashboard (the soak's median read 31 ms where the dashboard's own frames take 3). Here a
/// poll is one line to the tmux server, well under a millisecond.
final class TmuxControlClient: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private let output: Int32
    private var buffer: [UInt8] = []
    private let lock = NSLock()

    /// Attaches to `session` on tmux server `socket`, without taking part in the window's size and
    /// without the pane's output streamed to it.
    init(socket: String, session: String) throws {
        let stdin = Pipe()
        let stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-L", socket, "-C", "attach", "-t", session]
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading.fileDescriptor
        // Seen once: the first command answered "no current client", read before the attach had
        // finished. Asked again a few times before giving up.
        for attempt in 1...5 {
            do {
                _ = try command("refresh-client -f no-output")
                return
            } catch {
                if attempt == 5 { throw error }
                usleep(200_000)
            }
        }
    }

    /// Runs one tmux command line; the lines it printed. Throws when tmux answers `%error` or
    /// the client is gone.
    func command(_ line: String) throws -> [String] {
        lock.lock()
        defer { lock.unlock() }
        input.write(Data((line + "\n").utf8))
        // Blocks that tmux sends on its own (flags 0, e.g. the attach's) are not this answer.
        var answer: [String] = []
        var inside = false
        while let received = readLine() {
            if received.hasPrefix("%begin ") {
                inside = received.split(separator: " ").last == "1"
                answer = []
            } else if inside, received.hasPrefix("%end ") || received.hasPrefix("%error ") {
                if received.hasPrefix("%error ") { throw SoakError("tmux: \(line): \(answer.joined(separator: " "))") }
                return answer
            } else if inside {
                answer.append(received)
            }
        }
        throw SoakError("the tmux control client ended")
    }

    /// Ends the client (the tmux server and its session go on).
    func close() {
        try? input.close()
        process.waitUntilExit()
    }

    /// The next line tmux wrote, nil at its end.
    private func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(output, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// `text` as one tmux command argument: single-quoted, quotes inside closed and escaped.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
