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
    /// Client flags (`N` normal, `S` replica, `M` primary, `P` pub/sub, `b` blocked, …).
    public var flags: String

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

    /// Parses one `CLIENT LIST` line; nil if it has no `id=` field.
    public init?(line: some Collection<UInt8>) {
        var fields: [String: [UInt8]] = [:]
        for part in line.split(separator: UInt8(ascii: " ")) {
            guard let equals = part.firstIndex(of: UInt8(ascii: "=")) else { continue }
            fields[String(decoding: part[part.startIndex..<equals], as: UTF8.self)] = Array(part[part.index(after: equals)...])
        }
        func text(_ name: String) -> String { fields[name].map { String(decoding: $0, as: UTF8.self) } ?? "" }
        guard let id = Int64(text("id")) else { return nil }
        self.init(
            id: id, address: text("addr"), name: fields["name"] ?? [],
            ageSeconds: Int64(text("age")) ?? 0, idleSeconds: Int64(text("idle")) ?? 0,
            database: Int(text("db")) ?? 0, lastCommand: text("cmd"), flags: text("flags"))
    }

    /// Parses the whole `CLIENT LIST` reply text (one client a line, LF or CRLF).
    public static func parseList(_ bytes: [UInt8]) -> [ClientInfo] {
        bytes.split(whereSeparator: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }).compactMap { ClientInfo(line: $0) }
    }
}
