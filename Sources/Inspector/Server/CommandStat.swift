/// Per-command totals from `INFO commandstats`
/// (`cmdstat_get:calls=10,usec=32,usec_per_call=3.20,rejected_calls=0,failed_calls=0`).
///
/// The overview's sampler already reads `INFO all`, so these come from its latest sample rather
/// than another command to the server.
public struct CommandStat: Sendable, Hashable {
    /// The command, lower-case as the server names it (`get`, `client|list`).
    public var name: String
    public var calls: Int64
    /// Total microseconds spent in the command.
    public var microseconds: Int64
    public var microsecondsPerCall: Double
    public var rejectedCalls: Int64
    public var failedCalls: Int64

    public init(name: String, calls: Int64, microseconds: Int64, microsecondsPerCall: Double, rejectedCalls: Int64 = 0, failedCalls: Int64 = 0) {
        self.name = name
        self.calls = calls
        self.microseconds = microseconds
        self.microsecondsPerCall = microsecondsPerCall
        self.rejectedCalls = rejectedCalls
        self.failedCalls = failedCalls
    }

    /// Parses one `cmdstat_NAME` field and its value; nil for any other field.
    public init?(field: String, value: String) {
        guard field.hasPrefix("cmdstat_") else { return nil }
        var values: [Substring: Substring] = [:]
        for part in value.split(separator: ",") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            values[part[..<equals]] = part[part.index(after: equals)...]
        }
        guard let calls = values["calls"].flatMap({ Int64($0) }) else { return nil }
        let usec = values["usec"].flatMap { Int64($0) } ?? 0
        self.init(
            name: String(field.dropFirst("cmdstat_".count)), calls: calls, microseconds: usec,
            microsecondsPerCall: values["usec_per_call"].flatMap { Double($0) } ?? (calls > 0 ? Double(usec) / Double(calls) : 0),
            rejectedCalls: values["rejected_calls"].flatMap { Int64($0) } ?? 0,
            failedCalls: values["failed_calls"].flatMap { Int64($0) } ?? 0)
    }

    /// Every command's totals in an INFO snapshot (empty when it has no commandstats section).
    public static func parse(_ info: InfoSnapshot) -> [CommandStat] {
        info.fields(in: "commandstats").compactMap { CommandStat(field: $0.0, value: $0.1) }
    }
}
