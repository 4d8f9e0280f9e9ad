import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of the audit log: which change was asked of which node, on which keys, and how it ended.
///
/// Encoded as one JSON object a line, fields in a fixed order:
///
///     {"time":"2026-11-27T04:31:02.117Z","node":"127.0.0.1:6379","db":0,"command":"UNLINK",
///      "keys":["session:1","bin\\x00"],"moreKeys":0,"keyCount":2,"result":"ok"}
///
/// `pattern` and `detail` (e.g. `seconds=300 jitter=0.1`) appear only when set. Keys are escaped
/// with ``AuditEntry/escape(_:)``; at most ``AuditEntry/maximumListedKeys`` are listed and
/// `moreKeys` counts the rest. Nothing here ever holds a password: the log is never given one.
public struct AuditEntry: Sendable, Hashable {
    /// How many keys a line lists by name.
    public static let maximumListedKeys = 20

    /// When the change was made.
    public var time: Date
    /// The node, e.g. `127.0.0.1:6379`.
    public var node: String
    /// The logical database.
    public var database: Int
    /// The Redis command that made (or would have made) the change: `EXPIRE`, `PERSIST`, `UNLINK`, `RESTORE`.
    public var command: String
    /// The keys named (only the first ``maximumListedKeys`` are written).
    public var keys: [[UInt8]]
    /// How many keys the change concerned (may exceed `keys.count` for bulk changes).
    public var keyCount: Int
    /// The glob pattern of a bulk change.
    public var pattern: [UInt8]?
    /// Arguments worth keeping, e.g. `seconds=300`.
    public var detail: String?
    /// `ok`, `error: …`, `aborted` or `refused: read-only`.
    public var result: String

    /// Creates an entry; `keyCount` defaults to the number of keys given.
    public init(
        time: Date = Date(), node: String, database: Int, command: String, keys: [[UInt8]], keyCount: Int? = nil,
        pattern: [UInt8]? = nil, detail: String? = nil, result: String
    ) {
        self.time = time
        self.node = node
        self.database = database
        self.command = command
        self.keys = keys
        self.keyCount = keyCount ?? keys.count
        self.pattern = pattern
        self.detail = detail
        self.result = result
    }

    /// The entry as one JSON line, without the trailing newline.
    public var jsonLine: String {
        let listed = keys.prefix(Self.maximumListedKeys)
        var out = "{\"time\":\(Self.json(Self.iso8601(time)))"
        out += ",\"node\":\(Self.json(node)),\"db\":\(database),\"command\":\(Self.json(command))"
        out += ",\"keys\":[" + listed.map { Self.json(Self.escape($0)) }.joined(separator: ",") + "]"
        out += ",\"moreKeys\":\(max(0, keyCount - listed.count)),\"keyCount\":\(keyCount)"
        if let pattern { out += ",\"pattern\":\(Self.json(Self.escape(pattern)))" }
        if let detail { out += ",\"detail\":\(Self.json(detail))" }
        out += ",\"result\":\(Self.json(result))}"
        return out
    }

    /// A key as text: printable ASCII as is, a backslash as `\\`, every other byte as `\xNN`
    /// (lower-case hex), so any key reads back unambiguously and no byte can disturb a terminal.
    public static func escape(_ key: some Collection<UInt8>) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(key.count)
        for byte in key {
            switch byte {
            case UInt8(ascii: "\\"):
                out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x20...0x7e:
                out.append(byte)
            default:
                out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `2026-11-27T04:31:02.117Z` (UTC, milliseconds).
    package static func iso8601(_ date: Date) -> String {
        let millisecondsTotal = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(millisecondsTotal / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let milliseconds = Int32(millisecondsTotal % 1000)
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(milliseconds, 3))Z"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{00}"..."\u{1f}", "\u{7f}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
