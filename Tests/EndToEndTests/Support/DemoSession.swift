import Foundation
import LocalRedis

/// `cachescope demo [arguments]` in tmux (160x48), run in a fresh directory that is also its config
/// and state home, so `:dump` files and the audit log land there. When the program ends the shell
/// prints `EXITED:<status>` and stays, so the last screen can still be read.
final class DemoSession {
    /// The working, config and state directory.
    let home: String
    let tmux: TmuxSession

    init(_ arguments: String = "") throws {
        // The demo's server is the one the harness names: say which (once a run), or fail here if it is missing.
        _ = try ServerBinary.current()
        home = NSTemporaryDirectory() + "cachescope-demo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        do {
            let binary = try BuildProducts.executable(named: "cachescope")
            tmux = try TmuxSession(
                command: "cd \(TmuxSession.shellQuote(home)) && \(TmuxSession.shellQuote(binary)) demo \(arguments); echo EXITED:$?; sleep 30",
                environment: ["XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home])
        } catch {
            try? FileManager.default.removeItem(atPath: home)
            throw error
        }
    }

    /// Kills the session, then removes the directory.
    func end() {
        tmux.kill()
        try? FileManager.default.removeItem(atPath: home)
    }
}
