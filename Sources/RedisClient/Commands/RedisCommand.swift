/// One Redis command: its name and arguments as bytes, ready to encode.
public struct RedisCommand: Sendable, Hashable, CustomStringConvertible {
    /// The command name followed by its arguments.
    public var arguments: [[UInt8]]

    /// Creates a command from a name and arguments of any ``RedisArgument`` type.
    ///
    ///     RedisCommand("SCAN", cursor, "MATCH", pattern, "COUNT", 500)
    public init(_ name: String, _ arguments: any RedisArgument...) {
        self.init(name, arguments: arguments)
    }

    /// Creates a command from a name and an argument list built at run time.
    public init(_ name: String, arguments: [any RedisArgument]) {
        var all: [[UInt8]] = []
        all.reserveCapacity(arguments.count + 1)
        all.append(Array(name.utf8))
        for argument in arguments { all.append(argument.redisBytes) }
        self.arguments = all
    }

    /// Creates a command from raw bytes (name first).
    public init(arguments: [[UInt8]]) {
        self.arguments = arguments
    }

    /// The upper-cased command name, for messages (`GET`, `CLIENT`).
    public var name: String {
        guard let first = arguments.first else { return "" }
        return String(decoding: first, as: UTF8.self).uppercased()
    }

    /// The name only: arguments may hold keys or secrets, so they are never described.
    public var description: String { name }
}
