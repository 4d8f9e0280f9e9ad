import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, with every signal unblocked and at its default
/// action. Foundation's `Process` starts children from a thread that blocks most signals, and
/// the child inherits that mask: a redis-server started that way ignores SIGTERM.
final class ChildProcess: Sendable {
    let pid: pid_t

    private init(pid: pid_t) { self.pid = pid }

    /// Starts `executable` with `arguments`, standard input, output and error on /dev/null.
    /// - Throws: `LocalRedisError` when the process cannot be started.
    static func spawn(_ executable: String, arguments: [String]) throws -> ChildProcess {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw LocalRedisError("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        return ChildProcess(pid: pid)
    }

    /// Whether the process is still running; reaps it once it has exited.
    var isRunning: Bool {
        exited.withLock { exited in
            if exited { return false }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == 0 { return true }
            exited = true  // reaped now, or no longer our child
            return false
        }
    }

    private let exited = Mutex(false)

    /// SIGTERM, up to `grace` for it to exit, then SIGKILL; always reaps the process.
    func terminate(grace: TimeInterval = 5) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { usleep(2000) }
        if isRunning {
            kill(pid, SIGKILL)
            while isRunning { usleep(2000) }
        }
    }
}
