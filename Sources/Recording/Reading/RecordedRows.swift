// The rows a recording reader returns: plain values, one per table, times in milliseconds since the start.

/// One node of a recording.
public struct RecordedNode: Sendable, Equatable {
    public var node: Int
    public var address: String
}

/// One sample row, with its counters rebuilt into running totals (see ``RecordingReader/samples(from:through:)``).
public struct RecordedSample: Sendable, Equatable {
    public var t: Int64
    public var node: Int
    /// PING round trip, microseconds; nil when unknown.
    public var latencyMicroseconds: Int64?
    /// Running totals since the start of this sample's series (`series`); a NULL increment starts a new series.
    public var ops: Int64
    public var hits: Int64
    public var misses: Int64
    public var evicted: Int64
    public var expired: Int64
    /// Numbered per node from 0; a new number wherever the recorded increments were unknown (NULL).
    public var series: Int
    public var usedMemory: Int64?
    public var clients: Int64?
    public var blocked: Int64?
    public var keys: Int64?
    /// Why the node did not answer (the other figures are then meaningless).
    public var error: String?
}

/// A node's role and limits, as last recorded at or before a moment.
public struct RecordedNodeState: Sendable, Equatable {
    public var t: Int64
    public var node: Int
    public var role: String?
    public var maxmemory: Int64?
    public var policy: String?
    public var server: String?
    public var version: String?
}

/// One alert transition.
public struct RecordedAlert: Sendable, Equatable {
    public var t: Int64
    public var node: Int?
    public var rule: String
    public var severity: String
    public var state: String
    public var detail: String?
}

/// One audit entry (`kind` is then the action) or event, in time order.
public struct RecordedEntry: Sendable, Equatable {
    public enum Source: Sendable, Equatable { case action, event }
    public var t: Int64
    public var node: Int?
    public var source: Source
    /// The action (`expire`, …) or the event's kind (`topology`, `keyspace`, …).
    public var kind: String
    /// The key, pattern or key event's key: bytes, shown only through the sanitiser.
    public var target: [UInt8]?
    /// Keys touched (actions only).
    public var keys: Int64?
    /// `done`, `failed`, `refused`, `partial` (actions only).
    public var outcome: String?
    public var detail: String?
}

/// Messages counted on one channel over a window.
public struct RecordedChannel: Sendable, Equatable {
    public var channel: [UInt8]
    public var messages: Int64
}

/// One prefix of the keys index's top list.
public struct RecordedPrefix: Sendable, Equatable {
    public var t: Int64
    public var node: Int
    public var prefix: [UInt8]
    public var keys: Int64
    public var memory: Int64
    public var estimated: Bool
}
