import RESP
import RedisClient

/// The server's `notify-keyspace-events` and whether it lets the Pub/Sub pane see key events.
///
/// The pane subscribes to `__keyevent@*__:*`, which needs `E` (key-event channels) and the classes
/// of events worth watching: `x` (expired), `e` (evicted) and `g` (generic: del, expire, rename…);
/// `A` stands for all classes.
public struct KeyspaceEventsSetting: Sendable, Hashable {
    /// The config parameter.
    public static let parameter = "notify-keyspace-events"
    /// The pattern the pane subscribes to for key events.
    public static let pattern = "__keyevent@*__:*"
    /// Flags the pane needs.
    static let needed: [Character] = ["E", "x", "e", "g"]

    /// The value as the server reported it (e.g. `""` when off, `"xE"`).
    public let flags: String

    public init(flags: String) { self.flags = flags }

    /// Reads the setting (`CONFIG GET notify-keyspace-events`).
    /// - Throws: `KeyspaceError` when CONFIG is refused (ACL, managed services), transport errors.
    public static func fetch(from connection: any RedisPipelining) async throws -> KeyspaceEventsSetting {
        let reply = try await connection.call(RedisCommand("CONFIG", "GET", parameter))
        // RESP2: [name, value]; RESP3: {name: value}.
        switch reply {
        case .array(let items) where items.count >= 2:
            return KeyspaceEventsSetting(flags: items[1].string ?? "")
        case .map(let pairs):
            return KeyspaceEventsSetting(flags: pairs.first?.value.string ?? "")
        default:
            throw KeyspaceError.unexpectedReply(command: "CONFIG GET")
        }
    }

    /// The needed flags this setting lacks (`A` covers `x`, `e` and `g`).
    public var missing: [Character] {
        Self.needed.filter { flag in
            if flags.contains(flag) { return false }
            return !(flag != "E" && flags.contains("A"))
        }
    }

    /// True when key events (expired, evicted, del…) reach a `__keyevent@*__:*` subscriber.
    public var coversKeyEvents: Bool { missing.isEmpty }

    /// True when notifications are off altogether.
    public var isOff: Bool { flags.isEmpty }

    /// The value to set so key events are covered: the current flags plus what is missing.
    public var enabled: String { flags + String(missing) }
}
