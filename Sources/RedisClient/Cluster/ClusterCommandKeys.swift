/// Which arguments of a command are keys, so a cluster client can route it. Covers the commands
/// cachescope sends; anything unknown is routed by its first argument.
public enum ClusterCommandKeys {
    /// How a command is routed.
    public enum Routing: Sendable, Hashable {
        /// Not about a key (`PING`, `INFO`, `SCAN`, `DBSIZE`…): any node, or every node.
        case keyless
        /// The key at this argument index.
        case key(Int)
        /// Every argument from index 1 is a key and the replies are integers to add up
        /// (`DEL`, `UNLINK`, `EXISTS`, `TOUCH`): split by slot in a cluster.
        case summedKeys
    }

    private static let keyless: Set<String> = [
        "PING", "INFO", "SCAN", "DBSIZE", "ECHO", "TIME", "CLIENT", "CONFIG", "SLOWLOG", "LATENCY",
        "CLUSTER", "COMMAND", "HELLO", "AUTH", "SELECT", "ASKING", "READONLY", "READWRITE", "PUBLISH",
        "SPUBLISH", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "FLUSHALL", "FLUSHDB", "RANDOMKEY", "SCRIPT",
        "FUNCTION", "ROLE", "LASTSAVE", "DEBUG", "MULTI", "EXEC", "DISCARD", "WAIT",
    ]
    private static let summed: Set<String> = ["DEL", "UNLINK", "EXISTS", "TOUCH"]
    /// `MEMORY USAGE key`, `OBJECT ENCODING key`…: the key is the third argument.
    private static let subcommandKeyed: Set<String> = ["MEMORY", "OBJECT", "XINFO"]

    /// How `command` is routed.
    public static func routing(of command: RedisCommand) -> Routing {
        let name = command.name
        if keyless.contains(name) { return .keyless }
        if summed.contains(name) { return command.arguments.count > 2 ? .summedKeys : (command.arguments.count == 2 ? .key(1) : .keyless) }
        if subcommandKeyed.contains(name) { return command.arguments.count > 2 ? .key(2) : .keyless }
        if name == "EVAL" || name == "EVALSHA" || name == "EVAL_RO" || name == "EVALSHA_RO" || name == "FCALL" || name == "FCALL_RO" {
            guard command.arguments.count > 3, let numberOfKeys = Int(String(decoding: command.arguments[2], as: UTF8.self)), numberOfKeys > 0 else {
                return .keyless
            }
            return .key(3)
        }
        return command.arguments.count > 1 ? .key(1) : .keyless
    }

    /// The key `command` is routed by, if any (the first for split commands).
    public static func key(of command: RedisCommand) -> [UInt8]? {
        switch routing(of: command) {
        case .keyless: return nil
        case .key(let index): return command.arguments.indices.contains(index) ? command.arguments[index] : nil
        case .summedKeys: return command.arguments[1]
        }
    }
}
