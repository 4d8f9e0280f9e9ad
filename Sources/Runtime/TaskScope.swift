// The task ownership every runtime part uses: what it starts, it cancels and waits for.
import Synchronization

/// The tasks one part of the runtime started, tied to it: ``cancelAll()`` cancels each and waits
/// until every one has finished, so nothing a part started outlives it.
///
/// ```swift
/// let scope = TaskScope()
/// let poll = scope.spawn { while !Task.isCancelled { … } }
/// poll.cancel()              // one task
/// await scope.cancelAll()    // the rest, on shutdown
/// ```
final class TaskScope: Sendable {
    private struct Tasks {
        var next = 0
        var running: [Int: Task<Void, Never>] = [:]
    }

    private let tasks = Mutex(Tasks())

    /// Starts `work` off every actor; it leaves the scope when it finishes.
    /// - Returns: the task, for a caller that cancels it alone (a poll being replaced).
    @discardableResult
    func spawn(_ work: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        tasks.withLock { tasks in
            let id = tasks.next
            tasks.next += 1
            // Created under the lock, so the task cannot remove itself before it is recorded.
            let task = Task { [weak self] in
                await work()
                self?.finished(id)
            }
            tasks.running[id] = task
            return task
        }
    }

    /// Cancels every task still running and waits for all of them.
    func cancelAll() async {
        let running = tasks.withLock { tasks in
            defer { tasks.running.removeAll() }
            return Array(tasks.running.values)
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    private func finished(_ id: Int) {
        _ = tasks.withLock { $0.running.removeValue(forKey: id) }
    }
}
