import RESP
import RedisClient

/// What a stream's header shows: its length, its first and last entries, and each consumer group
/// with its pending count, from `XINFO STREAM` and `XINFO GROUPS` in one pipeline (the entries
/// themselves page with ``KeyInspector``). Never `XINFO STREAM … FULL`, which lists every entry.
public struct StreamSummary: Sendable, Hashable {
    public var length: Int64
    public var lastGeneratedID: [UInt8]
    public var firstEntry: StreamEntry?
    public var lastEntry: StreamEntry?
    public var groups: [StreamGroup]

    public init(length: Int64, lastGeneratedID: [UInt8], firstEntry: StreamEntry?, lastEntry: StreamEntry?, groups: [StreamGroup]) {
        self.length = length
        self.lastGeneratedID = lastGeneratedID
        self.firstEntry = firstEntry
        self.lastEntry = lastEntry
        self.groups = groups
    }

    /// Reads the summary of `key`.
    /// - Returns: nil when the key does not exist.
    /// - Throws: `KeyspaceError` (`WRONGTYPE`, or a reply of an unexpected shape).
    public static func read(_ connection: any RedisPipelining, key: [UInt8]) async throws -> StreamSummary? {
        let replies = try await connection.pipeline([
            RedisCommand(arguments: [Array("XINFO".utf8), Array("STREAM".utf8), key]),
            RedisCommand(arguments: [Array("XINFO".utf8), Array("GROUPS".utf8), key]),
        ])
        if let message = replies[0].errorMessage {
            if message.contains("no such key") { return nil }
            throw KeyspaceError.server(command: "XINFO", message: message)
        }
        guard let summary = parse(stream: replies[0], groups: replies[1]) else { throw KeyspaceError.unexpectedReply(command: "XINFO") }
        return summary
    }

    /// Reads `XINFO STREAM` and `XINFO GROUPS` replies (RESP2 flat arrays or RESP3 maps).
    static func parse(stream: RESPValue, groups: RESPValue) -> StreamSummary? {
        guard let length = stream["length"]?.int else { return nil }
        return StreamSummary(
            length: length,
            lastGeneratedID: stream["last-generated-id"]?.bytes ?? [],
            firstEntry: stream["first-entry"].flatMap(StreamEntry.init(reply:)),
            lastEntry: stream["last-entry"].flatMap(StreamEntry.init(reply:)),
            groups: (groups.array ?? []).compactMap(StreamGroup.init(reply:)))
    }
}

/// A consumer group of a stream.
public struct StreamGroup: Sendable, Hashable {
    public var name: [UInt8]
    public var consumers: Int64
    /// Entries delivered to the group's consumers and not yet acknowledged.
    public var pending: Int64
    public var lastDeliveredID: [UInt8]
    /// Entries not yet delivered to the group (Redis 7.0+); nil when the server cannot tell.
    public var lag: Int64?

    public init(name: [UInt8], consumers: Int64, pending: Int64, lastDeliveredID: [UInt8], lag: Int64?) {
        self.name = name
        self.consumers = consumers
        self.pending = pending
        self.lastDeliveredID = lastDeliveredID
        self.lag = lag
    }

    /// Reads one entry of `XINFO GROUPS`; nil for any other shape.
    init?(reply: RESPValue) {
        guard let name = reply["name"]?.bytes, let consumers = reply["consumers"]?.int, let pending = reply["pending"]?.int else { return nil }
        self.init(name: name, consumers: consumers, pending: pending, lastDeliveredID: reply["last-delivered-id"]?.bytes ?? [], lag: reply["lag"]?.int)
    }
}
