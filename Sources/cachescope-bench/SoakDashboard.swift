import Foundation
import Synchronization

/// The release `cachescope` binary running in its own tmux server (160x48), as a person runs it:
/// keys are sent with `tmux send-keys`, the screen read with `capture-pane` (both through one
/// control-mode client, ``TmuxControlClient``), and the process' resources read from `/proc/PID`.
/// The dashboard also times each input itself (`CACHESCOPE_INPUT_TIMING`): ``ownLatencies()``.
final class SoakDashboard: Sendable {
    let session: String
    let pid: Int32
    private let control: TmuxControlClient
    /// Where the dashboard writes its own input → frame times, a line of milliseconds per input.
    private let timingPath: String
    /// How many bytes of that file ``ownLatencies()`` has read.
    private let timingRead = Mutex(0)

    /// What one `/proc` reading of the dashboard process says.
    struct Resources: Sendable {
        var rss: Int
        var cpuSeconds: Double
        var descriptors: DescriptorCensus
        var threads: Int
    }

    private init(session: String, pid: Int32, control: TmuxControlClient, timingPath: String) {
        self.session = session
        self.pid = pid
        self.control = control
        self.timingPath = timingPath
    }

    /// Starts `binary arguments` in a new tmux server named after this process.
    static func start(binary: String, arguments: [String]) async throws -> SoakDashboard {
        let session = "cachescope-soak-\(getpid())"
        let timingPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(session).input-timing").path
        let command = (["env", "CACHESCOPE_INPUT_TIMING=\(timingPath)", binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        // Through the shell with output to /dev/null: a pipe would stay open as long as the tmux server lives.
        _ = system("tmux -L \(session) -f /dev/null new-session -d -s \(session) -x 160 -y 48 \"exec \(command)\" >/dev/null 2>&1")
        try await Task.sleep(for: .seconds(1))
        do {
            let pidText = run(["-L", session, "display", "-p", "-t", session, "#{pane_pid}"])
            guard let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw SoakError("the dashboard did not start in tmux (\(pidText))")
            }
            return SoakDashboard(session: session, pid: pid, control: try TmuxControlClient(socket: session, session: session), timingPath: timingPath)
        } catch {
            // Nothing is left running when the start fails: the caller has no dashboard to stop.
            _ = run(["-L", session, "kill-server"])
            throw error
        }
    }

    /// Ends the tmux server (and the dashboard in it).
    func stop() {
        _ = Self.run(["-L", session, "kill-server"])
        control.close()
        try? FileManager.default.removeItem(atPath: timingPath)
    }

    /// The dashboard's own input → frame times (seconds) written since the last call: from its
    /// terminal thread reading an input to the frame that answers it being drawn. What tmux and
    /// the machine add on the way (``probe(timeout:)`` measures it all) is not in them.
    func ownLatencies() -> [Double] {
        guard let data = FileManager.default.contents(atPath: timingPath) else { return [] }
        return timingRead.withLock { offset in
            // Whole lines only: the dashboard may be writing the next one.
            let end = (data.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
            guard end > offset else { return [] }
            defer { offset = end }
            return String(decoding: data[offset..<end], as: UTF8.self).split(separator: "\n").compactMap { Double($0).map { $0 / 1000 } }
        }
    }

    /// The screen as text ("" when tmux cannot say).
    func screen() -> String { ((try? control.command("capture-pane -p -t \(session)")) ?? []).joined(separator: "\n") }

    /// Types `text` literally.
    func type(_ text: String) { _ = try? control.command("send-keys -t \(session) -l \(TmuxControlClient.quoted(text))") }

    /// Presses a named key (`Enter`, `Escape`).
    func press(_ key: String) { _ = try? control.command("send-keys -t \(session) \(key)") }

    /// Polls the screen until `condition` holds; the seconds it took, nil after `timeout`.
    func waitFor(timeout: Double, _ condition: (String) -> Bool) -> Double? {
        let start = ContinuousClock.now
        while (ContinuousClock.now - start).seconds < timeout {
            if condition(screen()) { return (ContinuousClock.now - start).seconds }
            usleep(2000)
        }
        return nil
    }

    /// Keypress → frame: opens the help overlay and closes it again; the two latencies in
    /// seconds (`timeout` for one that never showed).
    func probe(timeout: Double = 5) -> [Double] {
        type("?")
        let open = waitFor(timeout: timeout) { $0.contains("Help:") } ?? timeout
        press("Escape")
        let close = waitFor(timeout: timeout) { !$0.contains("Help:") } ?? timeout
        return [open, close]
    }

    /// RSS, CPU, descriptors (connections apart) and threads of the dashboard process.
    func resources() -> Resources {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0") ?? 0
        }
        return Resources(
            rss: field("VmRSS") * 1024, cpuSeconds: (try? OverviewBenchmark.cpuSeconds(pid)) ?? 0, descriptors: DescriptorCensus.of(pid),
            threads: field("Threads"))
    }

    /// Whether the dashboard process still runs.
    var isRunning: Bool { kill(pid, 0) == 0 }

    /// Runs tmux with `arguments` and returns what it printed ("" when it did not start).
    private static func run(_ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A soak that cannot go on.
struct SoakError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
