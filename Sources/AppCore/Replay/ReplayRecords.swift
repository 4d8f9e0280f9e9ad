// What a recording holds beside its samples, as at the replay clock: plain values the replay fills in.

/// The recorded actions and events, top prefixes and channel counts as at the replay clock. Key
/// names, patterns, prefixes and channels are server bytes: shown only through the sanitiser.
public struct ReplayRecords: Sendable, Equatable {
    /// An audit entry (`isAction`) or an event (topology, failover, Sentinel, key event, recording).
    public struct Entry: Sendable, Equatable {
        /// Milliseconds since the recording started.
        public var t: Int64
        public var isAction: Bool
        /// The action (`expire`, …) or the event's kind.
        public var kind: String
        public var target: [UInt8]?
        public var keys: Int64?
        public var outcome: String?
        public var detail: String?

        public init(t: Int64, isAction: Bool, kind: String, target: [UInt8]?, keys: Int64?, outcome: String?, detail: String?) {
            self.t = t
            self.isAction = isAction
            self.kind = kind
            self.target = target
            self.keys = keys
            self.outcome = outcome
            self.detail = detail
        }
    }

    /// One of the keys index's top prefixes, as last recorded.
    public struct Prefix: Sendable, Equatable {
        public var prefix: [UInt8]
        public var keys: Int64
        public var memory: Int64
        public var estimated: Bool

        public init(prefix: [UInt8], keys: Int64, memory: Int64, estimated: Bool) {
            self.prefix = prefix
            self.keys = keys
            self.memory = memory
            self.estimated = estimated
        }
    }

    /// Messages counted on a channel over the last minute (never a payload).
    public struct Channel: Sendable, Equatable {
        public var channel: [UInt8]
        public var messages: Int64

        public init(channel: [UInt8], messages: Int64) {
            self.channel = channel
            self.messages = messages
        }
    }

    /// Newest last.
    public var entries: [Entry]
    /// Largest memory first.
    public var prefixes: [Prefix]
    /// Most messages first.
    public var channels: [Channel]

    public init(entries: [Entry] = [], prefixes: [Prefix] = [], channels: [Channel] = []) {
        self.entries = entries
        self.prefixes = prefixes
        self.channels = channels
    }
}
