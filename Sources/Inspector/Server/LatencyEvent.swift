import RESP

/// One row of `LATENCY LATEST`: an event class (`command`, `fast-command`, `fork`, …) with its
/// latest and worst spike. Empty unless `latency-monitor-threshold` is set on the server.
public struct LatencyEvent: Sendable, Hashable {
    public var event: String
    /// When the latest spike happened, in Unix seconds.
    public var latestTime: Int64
    /// The latest spike, in milliseconds.
    public var latestMilliseconds: Int64
    /// The worst spike since the server started (or `LATENCY RESET`), in milliseconds.
    public var maxMilliseconds: Int64

    public init(event: String, latestTime: Int64, latestMilliseconds: Int64, maxMilliseconds: Int64) {
        self.event = event
        self.latestTime = latestTime
        self.latestMilliseconds = latestMilliseconds
        self.maxMilliseconds = maxMilliseconds
    }

    /// Parses a `LATENCY LATEST` reply (an array of `[event, time, latest, max, …]`).
    /// - Returns: nil if the reply is not an array; malformed rows are skipped.
    public static func parse(_ reply: RESPValue) -> [LatencyEvent]? {
        guard let rows = reply.array else { return nil }
        return rows.compactMap { row in
            guard let f = row.array, f.count >= 4, let event = f[0].bytes,
                let time = f[1].int, let latest = f[2].int, let max = f[3].int
            else { return nil }
            return LatencyEvent(event: String(decoding: event, as: UTF8.self), latestTime: time, latestMilliseconds: latest, maxMilliseconds: max)
        }
    }
}
