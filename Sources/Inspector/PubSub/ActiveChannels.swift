import RESP
import RedisClient

/// The channels other clients of a node are subscribed to right now, with their subscriber
/// counts: what the Pub/Sub pane offers to tail while nothing is subscribed.
///
/// Bounded: `INFO stats` says how many channels exist (`pubsub_channels`) before anything is
/// listed, and `PUBSUB CHANNELS` is only sent when there are at most `limit` of them, so a node
/// with a channel per user never sends back a list of millions.
public struct ActiveChannels: Sendable, Hashable {
    /// A channel and how many clients subscribe to it.
    public struct Channel: Sendable, Hashable {
        public let name: [UInt8]
        public let subscribers: Int64

        public init(name: [UInt8], subscribers: Int64) {
            self.name = name
            self.subscribers = subscribers
        }
    }

    /// Channels, busiest first (then by name); empty when there were more than the limit.
    public let channels: [Channel]
    /// Active channels on the node (`pubsub_channels`).
    public let channelCount: Int64
    /// Active patterns on the node (`pubsub_patterns`).
    public let patternCount: Int64

    /// `true` when the node had too many channels to list.
    public var isTruncated: Bool { channels.isEmpty && channelCount > 0 }

    public init(channels: [Channel], channelCount: Int64, patternCount: Int64) {
        self.channels = channels
        self.channelCount = channelCount
        self.patternCount = patternCount
    }

    /// Reads the counts from `INFO stats`, then, when there are at most `limit` channels,
    /// `PUBSUB CHANNELS` and `PUBSUB NUMSUB` for them.
    /// - Throws: `KeyspaceError` for an error reply (e.g. an ACL without PUBSUB), transport errors.
    public static func fetch(from connection: any RedisPipelining, limit: Int = 200) async throws -> ActiveChannels {
        let info = InfoSnapshot(parsing: try await connection.call(RedisCommand("INFO", "stats")).string ?? "")
        let channelCount = info.int("pubsub_channels") ?? 0
        let patternCount = info.int("pubsub_patterns") ?? 0
        guard channelCount > 0, channelCount <= Int64(limit) else {
            return ActiveChannels(channels: [], channelCount: channelCount, patternCount: patternCount)
        }
        // Channels may come and go between the two calls: NUMSUB answers for whatever was listed.
        let names = try await connection.call(RedisCommand("PUBSUB", "CHANNELS")).array?.compactMap { $0.bytes } ?? []
        let listed = Array(names.prefix(limit))
        guard !listed.isEmpty else { return ActiveChannels(channels: [], channelCount: 0, patternCount: patternCount) }
        let counts = try await connection.call(RedisCommand(arguments: [Array("PUBSUB".utf8), Array("NUMSUB".utf8)] + listed))
        var channels: [Channel] = []
        // RESP2: flat [name, count, …]; RESP3: a map.
        switch counts {
        case .map(let pairs):
            for pair in pairs { if let name = pair.key.bytes { channels.append(Channel(name: name, subscribers: pair.value.int ?? 0)) } }
        default:
            let items = counts.array ?? []
            var index = 0
            while index + 1 < items.count {
                if let name = items[index].bytes { channels.append(Channel(name: name, subscribers: items[index + 1].int ?? 0)) }
                index += 2
            }
        }
        channels.sort { $0.subscribers != $1.subscribers ? $0.subscribers > $1.subscribers : $0.name.lexicographicallyPrecedes($1.name) }
        return ActiveChannels(channels: channels, channelCount: max(channelCount, Int64(channels.count)), patternCount: patternCount)
    }
}
