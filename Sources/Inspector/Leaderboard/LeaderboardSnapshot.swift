import RESP
import RedisClient

/// One read of a watched sorted set: the first `limit` members in order, the set's size, and
/// whether the key is still a sorted set at all.
public struct LeaderboardSnapshot: Sendable, Hashable {
    /// What the key was when read.
    public enum Status: Sendable, Hashable {
        case sortedSet
        /// The key does not exist (deleted or expired).
        case gone
        /// The key holds another type now (its `TYPE` name).
        case wrongType(String)
    }

    public var key: [UInt8]
    /// Monotonic seconds when the reply arrived.
    public var time: Double
    public var order: LeaderboardOrder
    public var status: Status
    /// Members in rank order (index 0 is rank 1).
    public var entries: [LeaderboardEntry]
    /// `ZCARD`: the whole set's size (only `entries.count` of it is read).
    public var cardinality: Int64

    public init(key: [UInt8], time: Double, order: LeaderboardOrder = .descending, status: Status = .sortedSet, entries: [LeaderboardEntry] = [], cardinality: Int64 = 0) {
        self.key = key
        self.time = time
        self.order = order
        self.status = status
        self.entries = entries
        self.cardinality = cardinality
    }

    /// The most members one refresh reads.
    public static let maximumLimit = 200

    /// The commands of one refresh: the range `WITHSCORES`, `ZCARD`, `TYPE`, nothing more.
    public static func commands(key: [UInt8], limit: Int, order: LeaderboardOrder) -> [RedisCommand] {
        let n = max(1, min(limit, maximumLimit))
        return [
            RedisCommand(arguments: [Array(order.rangeCommand.utf8), key, Array("0".utf8), Array(String(n - 1).utf8), Array("WITHSCORES".utf8)]),
            RedisCommand(arguments: [Array("ZCARD".utf8), key]),
            RedisCommand(arguments: [Array("TYPE".utf8), key]),
        ]
    }

    /// Builds a snapshot from the replies of `commands`.
    /// - Throws: `KeyspaceError` when a reply has an unexpected shape or a server error on a zset.
    public init(key: [UInt8], time: Double, order: LeaderboardOrder, replies: [RESPValue]) throws(KeyspaceError) {
        guard replies.count == 3 else { throw .unexpectedReply(command: order.rangeCommand) }
        let typeName = replies[2].string ?? ""
        self.init(key: key, time: time, order: order)
        switch typeName {
        case "none":
            status = .gone
            return
        case "zset":
            break
        default:
            // The type check answers last: if the key changed type in between, the range
            // errored (WRONGTYPE) or read the old set; either way the key is not a zset now.
            status = .wrongType(typeName.isEmpty ? "?" : typeName)
            return
        }
        if let message = replies[0].errorMessage { throw .server(command: order.rangeCommand, message: message) }
        guard let items = replies[0].array else { throw .unexpectedReply(command: order.rangeCommand) }
        entries = try Self.parseEntries(items, command: order.rangeCommand)
        cardinality = replies[1].int ?? Int64(entries.count)
    }

    /// Reads members and scores: RESP3 sends `[member, score]` pairs, RESP2 a flat list.
    static func parseEntries(_ items: [RESPValue], command: String) throws(KeyspaceError) -> [LeaderboardEntry] {
        var entries: [LeaderboardEntry] = []
        entries.reserveCapacity(items.count)
        if items.allSatisfy({ $0.array?.count == 2 }) && !items.isEmpty {
            for item in items {
                let pair = item.array!
                guard let member = pair[0].bytes, let score = pair[1].double else { throw .unexpectedReply(command: command) }
                entries.append(LeaderboardEntry(member: member, score: score))
            }
            return entries
        }
        guard items.count % 2 == 0 else { throw .unexpectedReply(command: command) }
        var i = 0
        while i + 1 < items.count {
            guard let member = items[i].bytes, let score = items[i + 1].double else { throw .unexpectedReply(command: command) }
            entries.append(LeaderboardEntry(member: member, score: score))
            i += 2
        }
        return entries
    }

    /// Reads the top `limit` members of `key` in one pipeline.
    /// - Parameter time: the monotonic time to stamp the snapshot with (taken after the reply if nil).
    public static func fetch(key: [UInt8], limit: Int, order: LeaderboardOrder, from connection: any RedisPipelining, time: Double? = nil) async throws -> LeaderboardSnapshot {
        let replies = try await connection.pipeline(commands(key: key, limit: limit, order: order))
        return try LeaderboardSnapshot(key: key, time: time ?? MonotonicClock.now(), order: order, replies: replies)
    }

    /// The 1-based rank of `member` in `order` (`ZREVRANK`/`ZRANK`), nil if it is not in the set.
    public static func rank(of member: [UInt8], in key: [UInt8], order: LeaderboardOrder, from connection: any RedisPipelining) async throws -> Int64? {
        let reply = try await connection.call(RedisCommand(arguments: [Array(order.rankCommand.utf8), key, member]))
        return reply.int.map { $0 + 1 }
    }
}
