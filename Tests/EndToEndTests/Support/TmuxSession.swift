import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A command running in a detached tmux session of a fixed size: the end-to-end tests type
/// into it (`sendKeys`) and read the screen back (`capture`), as a person at a terminal would.
///
/// Each session runs on its own tmux server socket (`-L`), so sessions never see each other
/// or a developer's own tmux, and `kill()` ends the server with everything in it. Call
/// `kill()` at the end of a test (it also runs on deinit as a safety net).
final class TmuxSession: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The session (and socket) name, unique per session.
    let name: String
    private var killed = false
    /// The tmux server's pid, to make sure it is gone after `kill()`.
    private var serverPID: Int32?
    private let lock = NSLock()

    /// Starts `command` (run by tmux through `sh -c`) in a new detached session of
    /// `width` × `height`, with a UTF-8 locale and `TERM=tmux-256color` inside.
    /// - Throws: `Failure` when tmux is not installed or the session cannot start.
    init(command: String, width: Int = 160, height: Int = 48, environment: [String: String] = [:]) throws {
        name = "cachescope-e2e-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
        guard TmuxSession.tmuxPath() != nil else {
            throw Failure(description: "tmux is not installed (apt-get install tmux): the end-to-end tests need it to run a terminal")
        }
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "tmux-256color"]
        env.merge(environment) { _, new in new }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.shellQuote($0.value))" }
        let wrapped = "env \(exports.joined(separator: " ")) sh -c \(TmuxSession.shellQuote(command))"
        _ = try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, wrapped])
        // Keep the pane's last screen readable after the command ends.
        _ = try? run(["set-option", "-t", name, "remain-on-exit", "on"])
        serverPID = (try? display("#{pid}")).flatMap { Int32($0) }
    }

    deinit { kill() }

    /// Sends keys in tmux's names (`q`, `Enter`, `Escape`, `C-a`, `BTab`, `F5`, `NPage`, …).
    func sendKeys(_ keys: String...) throws {
        _ = try run(["send-keys", "-t", name] + keys)
    }

    /// Sends `text` literally, character by character.
    func sendText(_ text: String) throws {
        _ = try run(["send-keys", "-t", name, "-l", text])
    }

    /// Pastes `text` the way a terminal does, wrapped in bracketed-paste markers when the
    /// program asked for them.
    func paste(_ text: String) throws {
        let buffer = "\(name)-paste"
        _ = try run(["set-buffer", "-b", buffer, text])
        _ = try run(["paste-buffer", "-p", "-d", "-b", buffer, "-t", name])
    }

    /// The visible screen as text, one line per row.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}` or `#{pane_pid}`.
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen every 50 ms until it contains `text`.
    /// - Returns: the screen that contained it.
    /// - Throws: `Failure` with the last screen when `timeout` passes first.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(10)) async throws -> String {
        try await waitFor(allOf: [text], timeout: timeout)
    }

    /// Polls the screen every 50 ms until one capture contains every one of `texts`.
    ///
    /// A capture can fall between two writes of one frame (tmux shows bytes as they arrive), so a
    /// test that needs several parts of a screen waits for all of them in the same capture.
    @discardableResult
    func waitFor(allOf texts: [String], timeout: Duration = .seconds(10)) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while true {
            screen = (try? capture()) ?? screen
            if texts.allSatisfy(screen.contains) { return screen }
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let wanted = texts.map { "\"\($0)\"" }.joined(separator: ", ")
        throw Failure(description: "timed out after \(timeout) waiting for \(wanted); the screen was:\n\(screen)")
    }

    /// The names of tmux's paste buffers (an OSC 52 clipboard write that got through would add one).
    func pasteBuffers() throws -> [String] {
        try run(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").map(String.init)
    }

    /// Sets a tmux server option (`set-option -s`), e.g. `set-clipboard on`.
    func setServerOption(_ name: String, _ value: String) throws {
        _ = try run(["set-option", "-s", name, value])
    }

    /// Resizes the session's window to `width` × `height` (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        _ = try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Ends the session and its tmux server. Safe to call more than once.
    func kill() {
        let first = lock.withLock { () -> Bool in
            defer { killed = true }
            return !killed
        }
        guard first else { return }
        _ = try? run(["kill-server"])
        if let serverPID, Glibc.kill(serverPID, 0) == 0 {
            usleep(100_000)
            _ = Glibc.kill(serverPID, SIGKILL)
        }
    }

    // MARK: - Running tmux

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        guard let tmux = TmuxSession.tmuxPath() else {
            throw Failure(description: "tmux is not installed")
        }
        var environment = ProcessInfo.processInfo.environment
        // The program's colour must not depend on who runs the tests: these come only from
        // the `environment` given to `init`.
        for variable in ["TMUX", "NO_COLOR", "COLORTERM"] { environment.removeValue(forKey: variable) }
        environment["LANG"] = "C.UTF-8"
        // -u: UTF-8 for capture-pane whatever the caller's locale; -f /dev/null: no user config.
        let result = try CleanSpawn.run(tmux, ["-u", "-L", name, "-f", "/dev/null"] + arguments, environment: environment)
        guard result.status == 0 else {
            let message = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "tmux \(arguments.first ?? "") failed (\(result.status)): \(message)")
        }
        return result.output
    }

    private static func tmuxPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `text` in single quotes for sh.
    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
