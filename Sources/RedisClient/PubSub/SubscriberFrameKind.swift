#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a subscriber frame is, from its first element (`message`, `subscribe`, …).
enum SubscriberFrameKind: Equatable {
    case message(SubscriptionKind)
    case subscribed(SubscriptionKind)
    case unsubscribed(SubscriptionKind)
    case pong
    case unknown

    /// Classifies the name at `offset`/`length` of `raw`.
    static func classify(_ raw: UnsafeRawBufferPointer, offset: Int, length: Int) -> SubscriberFrameKind {
        func equals(_ literal: StaticString) -> Bool {
            literal.utf8CodeUnitCount == length && memcmp(raw.baseAddress! + offset, literal.utf8Start, length) == 0
        }
        // The common case first: a plain message.
        switch length {
        case 7: return equals("message") ? .message(.channel) : .unknown
        case 8:
            if equals("pmessage") { return .message(.pattern) }
            if equals("smessage") { return .message(.shardChannel) }
            return .unknown
        case 9: return equals("subscribe") ? .subscribed(.channel) : .unknown
        case 10:
            if equals("psubscribe") { return .subscribed(.pattern) }
            if equals("ssubscribe") { return .subscribed(.shardChannel) }
            return .unknown
        case 11: return equals("unsubscribe") ? .unsubscribed(.channel) : .unknown
        case 12:
            if equals("punsubscribe") { return .unsubscribed(.pattern) }
            if equals("sunsubscribe") { return .unsubscribed(.shardChannel) }
            return .unknown
        case 4: return equals("pong") ? .pong : .unknown
        default: return .unknown
        }
    }

    /// Classifies a name already decoded.
    static func classify(_ name: [UInt8]) -> SubscriberFrameKind {
        name.withUnsafeBytes { classify($0, offset: 0, length: name.count) }
    }
}
