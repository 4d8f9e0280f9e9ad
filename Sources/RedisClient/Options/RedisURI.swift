/// A parsed `redis://[[user]:password@]host[:port][/db]` or `rediss://…` URI.
///
/// As in `redis-cli`, userinfo without a colon is a password (`redis://secret@host`), and user and
/// password are percent-decoded. IPv6 hosts are written in brackets: `redis://[::1]:6380`.
public struct RedisURI: Sendable, Hashable {
    /// `true` for `rediss://`.
    public var tls: Bool
    /// The ACL user, if given.
    public var username: String?
    /// The password, if given.
    public var password: Secret?
    /// Host, IPv6 without brackets; `127.0.0.1` when the URI leaves it empty.
    public var host: String
    /// Port, if given.
    public var port: Int?
    /// Database number, if given.
    public var database: Int?

    /// Parses a URI.
    /// - Throws: ``UsageError`` naming the problem; the message shows the URI with its password hidden.
    public init(parsing text: String) throws(UsageError) {
        // URIs are ASCII (RFC 3986: anything else is percent-encoded). Refusing the rest up front
        // also keeps grapheme clusters out of the parsing: an "@" followed by a combining mark is
        // not the Character "@", and would have put the password into the host.
        guard text.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F }) else {
            throw UsageError("a redis:// URI must be printable ASCII without spaces (percent-encode the rest); it is not shown because it may hold a password")
        }
        let shown = Self.redacted(text)
        let rest: Substring
        if let range = text.firstRange(of: "://") {
            let scheme = text[..<range.lowerBound].lowercased()
            switch scheme {
            case "redis": tls = false
            case "rediss": tls = true
            default:
                // Quote the scheme only when it looks like one: a mangled URI can hold credentials there.
                let plain = !scheme.isEmpty && scheme.count <= 16 && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
                throw UsageError(
                    plain
                        ? "unsupported scheme \"\(scheme)\" in \(shown): use redis:// or rediss://"
                        : "malformed scheme in \(shown): use redis:// or rediss://")
            }
            rest = text[range.upperBound...]
        } else {
            throw UsageError("not a redis:// or rediss:// URI: \(shown)")
        }
        if rest.contains("?") || rest.contains("#") {
            throw UsageError("query strings and fragments are not supported in \(shown)")
        }
        // The userinfo ends at the last "@" (a raw "/" in a password must not cut it short and
        // put half of it into the host, port or database text of an error message).
        let hostStart = rest.lastIndex(of: "@").map { rest.index(after: $0) } ?? rest.startIndex
        let authority = rest[..<(rest[hostStart...].firstIndex(of: "/") ?? rest.endIndex)]
        let path = rest[authority.endIndex...]

        var hostPort = authority
        username = nil
        password = nil
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            let passwordPart: Substring
            if let colon = userinfo.firstIndex(of: ":") {
                let user = try Self.percentDecode(userinfo[..<colon], in: shown)
                username = user.isEmpty ? nil : user
                passwordPart = userinfo[userinfo.index(after: colon)...]
            } else {
                passwordPart = userinfo
            }
            let decoded = try Self.percentDecode(passwordPart, in: shown)
            password = decoded.isEmpty ? nil : Secret(decoded)
        }

        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else {
                throw UsageError("unclosed [ in the host of \(shown)")
            }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw UsageError("unexpected text after ] in \(shown)") }
                portText = after.dropFirst()
            }
            guard !host.isEmpty else { throw UsageError("empty IPv6 address in \(shown)") }
        } else {
            let colons = hostPort.filter { $0 == ":" }.count
            guard colons <= 1 else {
                throw UsageError("IPv6 hosts need brackets, e.g. redis://[::1]:6379, in \(shown)")
            }
            if let colon = hostPort.firstIndex(of: ":") {
                host = String(hostPort[..<colon])
                portText = hostPort[hostPort.index(after: colon)...]
            } else {
                host = String(hostPort)
            }
            if host.isEmpty { host = "127.0.0.1" }
            guard host.utf8.allSatisfy({ Self.isHostByte($0) }) else {
                throw UsageError("invalid host in \(shown): a host is a name or an IP address")
            }
        }
        port = nil
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value), portText.allSatisfy(\.isASCII) else {
                throw UsageError("invalid port \"\(portText)\" in \(shown): expected 1-65535")
            }
            port = value
        }

        database = nil
        let dbText = path.drop(while: { $0 == "/" })
        if path.count > 1 || !dbText.isEmpty {
            guard path.hasPrefix("/"), !path.dropFirst().hasPrefix("/"), let value = Int(dbText), value >= 0,
                dbText.allSatisfy({ $0.isASCII && $0.isNumber })
            else {
                throw UsageError("invalid database \"\(dbText)\" in \(shown): expected a number like /0")
            }
            database = value
        }
    }

    /// Letters, digits, `-`, `.` and `_`: what a host name or an IPv4 address is made of.
    static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x2E || byte == 0x5F
    }

    /// The URI with any password replaced by `***`, for messages.
    public static func redacted(_ text: String) -> String {
        // Outside printable ASCII, "@" may hide inside a grapheme cluster: show nothing of it.
        guard text.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F }) else {
            return text.utf8.contains(UInt8(ascii: "@")) ? "<URI with credentials>" : "<URI with non-ASCII characters>"
        }
        guard let schemeEnd = text.firstRange(of: "://"), !text[..<schemeEnd.lowerBound].contains("@") else {
            return text.contains("@") ? "<URI with credentials>" : text
        }
        let rest = text[schemeEnd.upperBound...]
        // The last "@" anywhere, not only in the authority: a password holding a raw "/", "?" or "#"
        // (`redis://:pa/ss@host`) does not parse, and its error message must still hide it.
        guard let at = rest.lastIndex(of: "@") else { return text }
        let userinfo = rest[..<at]
        // The user is shown only when it cannot be part of a password (no second "@" in it).
        let user = userinfo.firstIndex(of: ":").map { String(userinfo[..<$0]) }.flatMap { $0.contains("@") ? nil : $0 + ":" } ?? ""
        return String(text[..<schemeEnd.upperBound]) + user + "***" + String(rest[at...])
    }

    private static func percentDecode(_ text: Substring, in shown: String) throws(UsageError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw UsageError("invalid percent-encoding in the credentials of \(shown)")
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw UsageError("credentials are not valid UTF-8 after percent-decoding in \(shown)")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
