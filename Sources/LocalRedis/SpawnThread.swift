import Foundation

/// The one thread every child process is started from.
///
/// Linux sends a child's parent-death signal (`PR_SET_PDEATHSIG`, set by `setpriv --pdeathsig`)
/// when the THREAD that started it ends, not the process. Swift's and NIO's worker threads come
/// and go (an idle dispatch worker exits after a few seconds), so a server started from one of them
/// would be killed while still in use. This thread is started once and never returns, so the signal
/// comes exactly when the process ends.
final class SpawnThread: @unchecked Sendable {
    static let shared = SpawnThread()

    /// One call waiting to run; `finished` is guarded by `condition`.
    private final class Job: @unchecked Sendable {
        let body: () -> Void
        var finished = false
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var queue: [Job] = []

    private init() {
        let thread = Thread { [self] in serve() }
        thread.name = "cachescope-spawn"
        thread.start()
    }

    /// Runs `body` on the spawn thread and returns its result; the caller waits.
    func sync<T>(_ body: @escaping () -> T) -> T {
        var result: T?
        let job = Job { result = body() }
        condition.lock()
        queue.append(job)
        condition.broadcast()
        while !job.finished { condition.wait() }
        condition.unlock()
        return result!
    }

    private func serve() {
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let job = queue.removeFirst()
            condition.unlock()
            job.body()
            condition.lock()
            job.finished = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
