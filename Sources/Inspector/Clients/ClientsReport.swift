// Who is using the node: clients grouped and flagged, and what clients cost the node's memory.
import RESP
import RedisClient

/// One look at a node's clients: each client with its flags, the groups, and the memory and
/// tracking figures from `INFO`. Read with one pipeline of three commands.
public struct ClientsReport: Sendable {
    /// Every client, in `CLIENT LIST` order.
    public var clients: [ClientInfo]
    /// Each client's flags, by id.
    public var flags: [Int64: Set<ClientFlag>]
    /// The clients grouped, heaviest output buffers first.
    public var groups: [ClientGroup]
    /// `client-output-buffer-limit` by class (empty when `CONFIG GET` was refused).
    public var limits: [OutputBufferClass: OutputBufferLimit]
    /// `INFO` memory and tracking figures (nil where the server does not report them).
    public var usedMemory: Int64?
    public var normalClientsMemory: Int64?
    public var replicaClientsMemory: Int64?
    public var trackingKeys: Int64?
    public var trackingItems: Int64?
    /// What could not be read (`CONFIG GET` refused by an ACL, say), by command.
    public var errors: [String: String]

    /// The commands of one look, in order.
    public static var commands: [RedisCommand] {
        [RedisCommand("CLIENT", "LIST"), RedisCommand("CONFIG", "GET", "client-output-buffer-limit"), RedisCommand("INFO", "memory"), RedisCommand("INFO", "stats")]
    }

    /// Builds a report from clients and figures.
    /// - Parameter previous: the last report of the same node, to see query buffers growing.
    public init(
        clients: [ClientInfo], limits: [OutputBufferClass: OutputBufferLimit] = [:], info: InfoSnapshot = InfoSnapshot(),
        thresholds: ClientThresholds = .default, previous: ClientsReport? = nil, errors: [String: String] = [:]
    ) {
        self.clients = clients
        self.limits = limits
        self.errors = errors
        let before = previous.map { Dictionary($0.clients.map { ($0.id, $0.queryBuffer) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        var flags: [Int64: Set<ClientFlag>] = [:]
        for client in clients { flags[client.id] = thresholds.flags(for: client, limits: limits, previousQueryBuffer: before[client.id]) }
        self.flags = flags
        groups = ClientGroup.group(clients, flags: flags)
        usedMemory = info.int("used_memory")
        normalClientsMemory = info.int("mem_clients_normal")
        replicaClientsMemory = info.int("mem_clients_slaves")
        trackingKeys = info.int("tracking_total_keys")
        trackingItems = info.int("tracking_total_items")
    }

    /// Builds a report from the replies of ``commands``.
    public init(replies: [RESPValue], thresholds: ClientThresholds = .default, previous: ClientsReport? = nil) {
        var errors: [String: String] = [:]
        var clients: [ClientInfo] = []
        var limits: [OutputBufferClass: OutputBufferLimit] = [:]
        var info = InfoSnapshot()
        if replies.count == 4 {
            if let message = replies[0].errorMessage { errors["CLIENT LIST"] = message } else { clients = ClientInfo.parseList(replies[0].bytes ?? []) }
            if let message = replies[1].errorMessage {
                errors["CONFIG GET"] = message
            } else {
                limits = OutputBufferLimit.parse(reply: replies[1])
            }
            for reply in replies[2...3] {
                if let message = reply.errorMessage { errors["INFO"] = message } else if let text = reply.bytes { info.append(parsing: String(decoding: text, as: UTF8.self)) }
            }
        } else {
            errors["all"] = "unexpected reply count \(replies.count)"
        }
        self.init(clients: clients, limits: limits, info: info, thresholds: thresholds, previous: previous, errors: errors)
    }

    /// Reads one report over `connection`: one pipeline of four commands.
    /// - Throws: transport errors (`RedisError`); server error replies land in `errors`.
    public static func fetch(from connection: any RedisPipelining, thresholds: ClientThresholds = .default, previous: ClientsReport? = nil) async throws -> ClientsReport {
        ClientsReport(replies: try await connection.pipeline(commands), thresholds: thresholds, previous: previous)
    }

    /// The clients using the most memory, heaviest first.
    public func topConsumers(_ limit: Int) -> [ClientInfo] {
        Array(clients.sorted { ($0.totalMemory, $1.id) > ($1.totalMemory, $0.id) }.prefix(limit))
    }

    /// Whether `client` is one of cachescope's own connections (they are never offered for a kill).
    public static func isOwn(_ client: ClientInfo, ownIDs: Set<Int64> = []) -> Bool {
        ownIDs.contains(client.id) || client.name.starts(with: Array("cachescope".utf8))
    }
}
