/// One connected client, from a line of `CLIENT LIST`
/// (`id=3 addr=127.0.0.1:50000 … name=web age=12 idle=0 flags=N db=0 … cmd=get …`).
public struct ClientInfo: Sendable, Hashable {
    public var id: Int64
    /// `ip:port` of the client.
    public var address: String
    /// `CLIENT SETNAME`, empty when unnamed (bytes: show through the sanitiser).
    public var name: [UInt8]
    /// Seconds since the connection was made.
    public var ageSeconds: Int64
    /// Seconds since the last command.
    public var idleSeconds: Int64
    /// The selected database.
    public var database: Int
    /// The last command run (`get`, `client|list`).
    public var lastCommand: String
    /// Client flags (`N` normal, `S` replica, `M` primary, `P` pub/sub, `b` blocked, `t` tracking, …).
    public var flags: String
    /// The ACL user (`user=`), empty on servers that do not say.
    public var user: String = ""
    /// The client library's name and version (`lib-name=`, `lib-ver=`, Redis 7.2+).
    public var libraryName: String = ""
    public var libraryVersion: String = ""
    /// Query buffer bytes in use (`qbuf=`).
    public var queryBuffer: Int64 = 0
    /// Output buffer memory (`omem=`): replies queued that the client has not read.
    public var outputMemory: Int64 = 0
    /// All memory the client uses (`tot-mem=`), buffers included.
    public var totalMemory: Int64 = 0
    /// Channels, patterns and shard channels subscribed (`sub=` + `psub=` + `ssub=`).
    public var subscriptions: Int = 0

    public init(id: Int64, address: String, name: [UInt8] = [], ageSeconds: Int64 = 0, idleSeconds: Int64 = 0, database: Int = 0, lastCommand: String = "", flags: String = "N") {
        self.id = id
        self.address = address
        self.name = name
        self.ageSeconds = ageSeconds
        self.idleSeconds = idleSeconds
        self.database = database
        self.lastCommand = lastCommand
        self.flags = flags
    }

    /// The host part of `address` (`10.0.0.5` of `10.0.0.5:51234`, `::1` of `[::1]:6000`).
    public var host: String {
        guard let colon = address.lastIndex(of: ":") else { return address }
        let host = address[..<colon]
        return String(host.hasPrefix("[") && host.hasSuffix("]") ? host.dropFirst().dropLast() : host)
    }

    /// Which `client-output-buffer-limit` class applies to the client.
    public var bufferClass: OutputBufferClass {
        if flags.contains("S") { return .replica }
        if flags.contains("P") || subscriptions > 0 { return .pubsub }
        return .normal
    }

    /// Parses one `CLIENT LIST` line; nil if it has no `id=` field.
    public init?(line: some Collection<UInt8>) {
        var fields: [String: [UInt8]] = [:]
        for part in line.split(separator: UInt8(ascii: " ")) {
            guard let equals = part.firstIndex(of: UInt8(ascii: "=")) else { continue }
            fields[String(decoding: part[part.startIndex..<equals], as: UTF8.self)] = Array(part[part.index(after: equals)...])
        }
        func text(_ name: String) -> String { fields[name].map { String(decoding: $0, as: UTF8.self) } ?? "" }
        func number(_ name: String) -> Int64 { Int64(text(name)) ?? 0 }
        guard let id = Int64(text("id")) else { return nil }
        self.init(
            id: id, address: text("addr"), name: fields["name"] ?? [],
            ageSeconds: number("age"), idleSeconds: number("idle"),
            database: Int(text("db")) ?? 0, lastCommand: text("cmd"), flags: text("flags"))
        user = text("user")
        libraryName = text("lib-name")
        libraryVersion = text("lib-ver")
        queryBuffer = number("qbuf")
        outputMemory = number("omem")
        totalMemory = number("tot-mem")
        subscriptions = Int(number("sub") + number("psub") + number("ssub"))
    }

    /// Parses the whole `CLIENT LIST` reply text (one client a line, LF or CRLF).
    public static func parseList(_ bytes: [UInt8]) -> [ClientInfo] {
        bytes.split(whereSeparator: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }).compactMap { ClientInfo(line: $0) }
    }
}
