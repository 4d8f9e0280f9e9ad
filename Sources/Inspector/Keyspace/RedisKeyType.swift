/// The type of a key as `TYPE` names it, stored in one byte per key in the index.
public enum RedisKeyType: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Not looked up yet (the key came from `SCAN` and its `TYPE` reply has not arrived).
    case unknown = 0
    case string = 1
    case list = 2
    case set = 3
    case zset = 4
    case hash = 5
    case stream = 6
    /// A module type (e.g. `ReJSON-RL`), shown but not paged.
    case other = 7
    /// The key no longer exists (`TYPE` said `none`); the index keeps its slot as a tombstone.
    case gone = 255

    /// Reads a `TYPE` reply.
    public init(typeName bytes: some Collection<UInt8>) {
        switch String(decoding: bytes, as: UTF8.self) {
        case "string": self = .string
        case "list": self = .list
        case "set": self = .set
        case "zset": self = .zset
        case "hash": self = .hash
        case "stream": self = .stream
        case "none": self = .gone
        default: self = .other
        }
    }

    /// The name `TYPE` uses (and `SCAN … TYPE` accepts); module types read `other`.
    public var description: String {
        switch self {
        case .unknown: "unknown"
        case .string: "string"
        case .list: "list"
        case .set: "set"
        case .zset: "zset"
        case .hash: "hash"
        case .stream: "stream"
        case .other: "other"
        case .gone: "none"
        }
    }
}
