// The overview's feed: health samples of every node, and the clock's tick.
import AppCore
import Inspector
import RedisClient

/// Samples nodes every interval and ticks the clock once a second, reporting both to the loop.
struct HealthFeed {
    let scope: TaskScope
    let sink: MessageSink
    /// Seconds between samples.
    let interval: Double

    /// Samples `connections` every interval; the first is node `firstNode`, the rest follow.
    func sample(_ connections: [ManagedConnection], firstNode: Int = 0) {
        let monitor = HealthMonitor(connections: connections, interval: .milliseconds(Int(interval * 1000)))
        let sink = self.sink
        scope.spawn {
            await monitor.run { index, outcome in sink.send(.sampled(node: firstNode + index, outcome: outcome)) }
        }
    }

    /// One tick a second keeps countdowns and "for 5m" labels moving; nothing else polls.
    func tick() {
        let sink = self.sink
        scope.spawn {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                sink.send(.tick(now: MonotonicClock.now(), wallMilliseconds: wallClockMilliseconds()))
            }
        }
    }
}
