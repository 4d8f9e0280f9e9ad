import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn` and reaped by pid with `waitpid`, so stopping it is
/// exact and fast (no name matching, no run loop).
final class ChildProcess: Sendable {
    let pid: pid_t

    private init(pid: pid_t) {
        self.pid = pid
    }

    /// Starts `executable` with `arguments`; standard input, output and error go to /dev/null.
    ///
    /// With `diesWithParent` (and `setpriv` from util-linux, present on every Debian), the child
    /// gets SIGKILL when this process ends in any way, `kill -9` included, so a test runner or
    /// dashboard that is killed leaves no redis-server behind. `setpriv` sets the parent-death
    /// signal and `exec`s the program, so the pid is the program's own.
    static func spawn(_ executable: String, _ arguments: [String], diesWithParent: Bool = true) throws -> ChildProcess {
        #if os(Linux)
            if diesWithParent, let setpriv = ExecutableLookup.find("setpriv") {
                let pid = try SpawnThread.shared.sync {
                    Result { try posixSpawn(setpriv, ["--pdeathsig", "KILL", "--", executable] + arguments, name: executable) }
                }.get()
                return ChildProcess(pid: pid)
            }
        #endif
        return ChildProcess(pid: try posixSpawn(executable, arguments, name: executable))
    }

    private static func posixSpawn(_ executable: String, _ arguments: [String], name: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        // The child must not inherit a blocked SIGTERM from the test runner's threads.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaultSignals, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw LocalRedisError("could not start \(name): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// `true` until the process has exited (and is then reaped).
    var isRunning: Bool {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        return result == 0
    }

    /// SIGTERM, wait up to `grace`, then SIGKILL and wait.
    func terminate(grace: TimeInterval = 5) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline {
            if !isRunning { return }
            usleep(5_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }
}
