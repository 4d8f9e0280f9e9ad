import Foundation

/// The dashboard recording a node in tmux: `cachescope --record FILE redis://127.0.0.1:PORT`, its
/// configuration and state under `directory` (XDG), the shell kept alive afterwards so the last
/// screen can still be read.
enum RecordingSession {
    /// An alert rule that fires as soon as used memory passes half of `maxmemory`.
    static let memoryHalfRule = "[alerts.memory-half]\nmetric = \"memory\"\nabove = 0.5\nfor = \"0s\"\n"

    /// Starts the built `cachescope` recording the node on `port` into `file`.
    static func start(port: Int, file: String, directory: String) throws -> TmuxSession {
        let binary = try BuildProducts.executable(named: "cachescope")
        return try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) --record \(TmuxSession.shellQuote(file)) redis://127.0.0.1:\(port); sleep 30",
            environment: ["XDG_CONFIG_HOME": directory, "XDG_STATE_HOME": directory])
    }

    /// Writes `directory/cachescope/config.toml` with the memory-half rule.
    static func writeMemoryHalfRule(in directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory + "/cachescope", withIntermediateDirectories: true)
        try memoryHalfRule.write(toFile: directory + "/cachescope/config.toml", atomically: true, encoding: .utf8)
    }
}
