import Foundation

/// Every event the sentinels published about the group during the session, grouped into failovers:
/// a failover runs from the first `+sdown` of the primary (or the first failover event, for a
/// manual `SENTINEL FAILOVER`) to `+failover-end`. Each entry knows how long its stage took (the
/// time to the next entry). The same event from several sentinels is one entry naming each.
public struct FailoverTimeline: Sendable, Equatable {
    /// One event on the timeline.
    public struct Entry: Sendable, Equatable, Codable {
        public var event: SentinelEvent
        /// Every sentinel that reported it, the first one first.
        public var sentinels: [String]
        /// Which failover it belongs to (1-based), or nil outside a failover.
        public var failover: Int?
    }

    /// Every entry, oldest first (bounded by `capacity`, the oldest dropped).
    public private(set) var entries: [Entry] = []
    /// Failovers seen, counted from 1.
    public private(set) var failoverCount = 0
    /// Whether a failover is running (started, not yet ended).
    public private(set) var inFailover = false
    public let capacity: Int

    public init(capacity: Int = 1000) {
        self.capacity = capacity
    }

    /// Adds an event. The same event and text from another sentinel within 5 s joins the earlier entry.
    public mutating func record(_ event: SentinelEvent) {
        if let index = entries.lastIndex(where: { $0.event.name == event.name && $0.event.detail == event.detail }),
            event.wallMilliseconds - entries[index].event.wallMilliseconds < 5000
        {
            if !entries[index].sentinels.contains(event.sentinel) { entries[index].sentinels.append(event.sentinel) }
            return
        }
        let starts = event.isAboutPrimary && (event.name == "+sdown" || event.name == "+try-failover" || event.name == "+failover-state-wait-start" || event.name == "+switch-master")
        if !inFailover, starts {
            failoverCount += 1
            inFailover = true
        }
        entries.append(Entry(event: event, sentinels: [event.sentinel], failover: inFailover ? failoverCount : nil))
        // A failover ends at +failover-end; a primary back up before any vote ends the episode too.
        if event.name.hasPrefix("+failover-end") || event.name.hasPrefix("+failover-abort") || (event.name == "-sdown" && event.isAboutPrimary && !hasStage(after: "+try-failover")) {
            inFailover = false
        }
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    /// Whether the running failover already reached `name`.
    private func hasStage(after name: String) -> Bool {
        guard inFailover else { return false }
        return entries.reversed().prefix { $0.failover == failoverCount }.contains { $0.event.name == name }
    }

    /// The entries of failover `number`, oldest first.
    public func failover(_ number: Int) -> [Entry] { entries.filter { $0.failover == number } }

    /// Seconds from entry `index` to the next entry of the same failover (nil for the last one).
    public func stageSeconds(_ index: Int) -> Double? {
        guard entries.indices.contains(index + 1), let run = entries[index].failover, entries[index + 1].failover == run else { return nil }
        return Double(entries[index + 1].event.wallMilliseconds - entries[index].event.wallMilliseconds) / 1000
    }

    /// Seconds from the first to the last entry of failover `number`.
    public func totalSeconds(_ number: Int) -> Double? {
        let run = failover(number)
        guard let first = run.first, let last = run.last else { return nil }
        return Double(last.event.wallMilliseconds - first.event.wallMilliseconds) / 1000
    }

    /// The timeline as text, one event a line: time, event, stage duration, detail, sentinels.
    public func text() -> String {
        guard !entries.isEmpty else { return "Sentinel events: none\n" }
        var lines = ["Sentinel events (\(failoverCount) failover\(failoverCount == 1 ? "" : "s")):"]
        for (index, entry) in entries.enumerated() {
            let stage = stageSeconds(index).map { String(format: "%7.3fs", $0) } ?? "        "
            let run = entry.failover.map { "#\($0)" } ?? "  "
            lines.append(
                "\(Self.clock(entry.event.wallMilliseconds)) \(run) \(entry.event.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(stage)  \(entry.event.detail)  [\(entry.sentinels.joined(separator: ", "))]"
            )
        }
        for number in 1...max(1, failoverCount) where failoverCount > 0 {
            if let total = totalSeconds(number) { lines.append("failover #\(number): \(String(format: "%.3f", total)) s from first to last event") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The timeline as JSON: `{"failovers": N, "events": [{time, event, detail, sentinels, failover, stage_seconds}]}`.
    public func json() -> String {
        var events: [String] = []
        for (index, entry) in entries.enumerated() {
            var fields = [
                "\"time\":\(Self.quote(Self.iso(entry.event.wallMilliseconds)))", "\"event\":\(Self.quote(entry.event.name))",
                "\"detail\":\(Self.quote(entry.event.detail))", "\"sentinels\":[\(entry.sentinels.map(Self.quote).joined(separator: ","))]",
            ]
            fields.append("\"failover\":\(entry.failover.map(String.init) ?? "null")")
            fields.append("\"stage_seconds\":\(stageSeconds(index).map { String(format: "%.3f", $0) } ?? "null")")
            events.append("{\(fields.joined(separator: ","))}")
        }
        return "{\"failovers\":\(failoverCount),\"events\":[\(events.joined(separator: ","))]}"
    }

    /// `HH:MM:SS.mmm` (UTC) of wall-clock milliseconds.
    public static func clock(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        return String(format: "%02d:%02d:%02d.%03d", (seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60, milliseconds % 1000)
    }

    static func iso(_ milliseconds: Int64) -> String { AuditEntry.iso8601(Date(timeIntervalSince1970: Double(milliseconds) / 1000)) }

    static func quote(_ text: String) -> String { AuditEntry.json(text) }
}
