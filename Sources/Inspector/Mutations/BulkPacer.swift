/// Holds a bulk change to a rate of keys per second: after each batch it sleeps just long enough
/// for the keys done so far not to run ahead of the rate. The sleep is where a cancelled task
/// stops (`Task.sleep` throws `CancellationError`).
struct BulkPacer: Sendable {
    let rate: Int
    let start = ContinuousClock.now

    /// Waits until `done` keys are within the rate since `start`.
    /// - Throws: `CancellationError` when the task is cancelled.
    func pace(done: Int) async throws {
        try Task.checkCancellation()
        let due = start + .milliseconds(Int64(done) * 1000 / Int64(max(1, rate)))
        if due > ContinuousClock.now {
            try await Task.sleep(until: due, clock: .continuous)
        }
    }

    /// Seconds since `start`.
    var elapsed: Double { MonotonicClock.seconds(ContinuousClock.now - start) }
}
