import RESP

/// One entry of `SLOWLOG GET`: a command that took longer than `slowlog-log-slower-than`.
///
/// Arguments and the client name stay bytes (they are whatever the client sent); show them
/// through the sanitiser.
public struct SlowlogEntry: Sendable, Hashable {
    /// The entry's unique, increasing id.
    public var id: Int64
    /// When the command was logged, in Unix seconds.
    public var time: Int64
    /// How long the command ran, in microseconds.
    public var durationMicroseconds: Int64
    /// The command and its arguments (the server truncates long ones).
    public var arguments: [[UInt8]]
    /// The client's `ip:port`, when the server reports it (Redis 4+).
    public var clientAddress: String?
    /// The client's name (`CLIENT SETNAME`), empty when unnamed.
    public var clientName: [UInt8]

    public init(id: Int64, time: Int64, durationMicroseconds: Int64, arguments: [[UInt8]], clientAddress: String? = nil, clientName: [UInt8] = []) {
        self.id = id
        self.time = time
        self.durationMicroseconds = durationMicroseconds
        self.arguments = arguments
        self.clientAddress = clientAddress
        self.clientName = clientName
    }

    /// The command name, upper-cased (`GET`), or `?` for an empty entry.
    public var commandName: String {
        arguments.first.map { String(decoding: $0, as: UTF8.self).uppercased() } ?? "?"
    }

    /// Parses a `SLOWLOG GET` reply (an array of `[id, time, duration, [args], addr, name]`).
    /// - Returns: nil if the reply is not an array; malformed entries are skipped.
    public static func parse(_ reply: RESPValue) -> [SlowlogEntry]? {
        guard let items = reply.array else { return nil }
        return items.compactMap { item in
            guard let fields = item.array, fields.count >= 4,
                let id = fields[0].int, let time = fields[1].int, let duration = fields[2].int,
                let args = fields[3].array
            else { return nil }
            return SlowlogEntry(
                id: id, time: time, durationMicroseconds: duration,
                arguments: args.map { $0.bytes ?? [] },
                clientAddress: fields.count > 4 ? fields[4].string : nil,
                clientName: fields.count > 5 ? (fields[5].bytes ?? []) : [])
        }
    }
}
