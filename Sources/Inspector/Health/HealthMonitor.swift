import RedisClient

/// Samples every node once per interval, each node on its own schedule so a slow or dead node
/// never delays the others. A node is never sampled twice at once: when a sample takes longer
/// than the interval, the missed ticks are skipped rather than queued (no load pile-up).
public struct HealthMonitor: Sendable {
    public let samplers: [NodeSampler]
    public let interval: Duration

    public init(connections: [ManagedConnection], interval: Duration) {
        self.samplers = connections.map(NodeSampler.init(connection:))
        self.interval = interval
    }

    /// Samples until the task is cancelled, handing each outcome to `deliver` with the node's index.
    public func run(deliver: @escaping @Sendable (Int, SampleOutcome) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for (index, sampler) in samplers.enumerated() {
                group.addTask {
                    let clock = ContinuousClock()
                    var deadline = clock.now
                    while !Task.isCancelled {
                        deliver(index, await sampler.sample())
                        deadline = deadline.advanced(by: interval)
                        let now = clock.now
                        while deadline < now { deadline = deadline.advanced(by: interval) }
                        do { try await clock.sleep(until: deadline) } catch { return }
                    }
                }
            }
        }
    }

    /// Takes `count` samples of every node, `interval` apart, for headless reports.
    /// - Returns: per node, its outcomes in order.
    public func collect(count: Int) async -> [[SampleOutcome]] {
        var results = Array(repeating: [SampleOutcome](), count: samplers.count)
        for round in 0..<count {
            if round > 0 { try? await Task.sleep(for: interval) }
            await withTaskGroup(of: (Int, SampleOutcome).self) { group in
                for (index, sampler) in samplers.enumerated() {
                    group.addTask { (index, await sampler.sample()) }
                }
                for await (index, outcome) in group { results[index].append(outcome) }
            }
        }
        return results
    }
}
