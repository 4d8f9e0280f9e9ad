/// Polls `condition` every 20 ms until it holds (a thrown error counts as not yet) or `seconds`
/// pass; true when it held. For conditions that settle asynchronously: reconnects, failovers.
func eventually(_ seconds: Double = 15, _ condition: () async throws -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return (try? await condition()) == true
}
