import NIOCore

/// A task executor that runs jobs on one SwiftNIO event loop.
///
/// A continuation resumed by a channel handler sends its task to the task's executor; without a
/// preference that is Swift's global pool, so every reply costs a wake-up of a pool thread and a
/// hop back. A task that prefers the event loop its connection reads on is resumed on that same
/// thread instead: the job is appended to the loop's queue and run after the current read.
public final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop jobs run on.
    public let eventLoop: any EventLoop

    /// An executor for `eventLoop`.
    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
