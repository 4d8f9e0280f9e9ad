// The client classes of `client-output-buffer-limit`, and the limits a server sets for each.
import RESP

/// The three classes Redis limits output buffers by.
public enum OutputBufferClass: String, Sendable, Hashable, CaseIterable {
    case normal
    case replica
    case pubsub
}

/// One class's output-buffer limits (`client-output-buffer-limit`): a client over `hard` bytes,
/// or over `soft` for `softSeconds`, is disconnected. 0 means no limit.
public struct OutputBufferLimit: Sendable, Hashable {
    public var hard: Int64
    public var soft: Int64
    public var softSeconds: Int64

    public init(hard: Int64, soft: Int64, softSeconds: Int64) {
        self.hard = hard
        self.soft = soft
        self.softSeconds = softSeconds
    }

    /// The smallest limit that can cut a client off, nil when the class is unlimited.
    public var lowest: Int64? {
        [hard, soft].filter { $0 > 0 }.min()
    }

    /// Reads `CONFIG GET client-output-buffer-limit`'s value
    /// (`normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60`); byte counts as
    /// the server reports them. Classes it does not name are absent.
    public static func parse(_ value: String) -> [OutputBufferClass: OutputBufferLimit] {
        let words = value.split(separator: " ").map(String.init)
        var limits: [OutputBufferClass: OutputBufferLimit] = [:]
        var index = 0
        while index + 3 < words.count {
            let name = words[index]
            let bufferClass: OutputBufferClass? = name == "normal" ? .normal : (name == "slave" || name == "replica" ? .replica : (name == "pubsub" ? .pubsub : nil))
            if let bufferClass, let hard = Int64(words[index + 1]), let soft = Int64(words[index + 2]), let seconds = Int64(words[index + 3]) {
                limits[bufferClass] = OutputBufferLimit(hard: hard, soft: soft, softSeconds: seconds)
            }
            index += 4
        }
        return limits
    }

    /// Reads the reply of `CONFIG GET client-output-buffer-limit` (a map, or a RESP2 pair); empty
    /// when the server refused it or answered something else.
    public static func parse(reply: RESPValue) -> [OutputBufferClass: OutputBufferLimit] {
        guard reply.errorMessage == nil, let value = reply.pairs?.first?.value.bytes else { return [:] }
        return parse(String(decoding: value, as: UTF8.self))
    }
}
