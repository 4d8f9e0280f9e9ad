// Clients grouped by who they are: library, name, user and host.

/// The clients that share a library, a name, a user and a host, with their sums: one row of the
/// grouped clients view, and one entry of `snapshot --clients --json`.
public struct ClientGroup: Sendable, Hashable {
    /// What the group's clients share.
    public struct Identity: Sendable, Hashable {
        public var name: [UInt8]
        public var libraryName: String
        public var libraryVersion: String
        public var user: String
        public var host: String

        /// What `client` shares with the rest of its group.
        public init(_ client: ClientInfo) {
            name = client.name
            libraryName = client.libraryName
            libraryVersion = client.libraryVersion
            user = client.user
            host = client.host
        }
    }

    public var identity: Identity
    /// The members' ids, smallest first.
    public var ids: [Int64]
    public var queryBuffer: Int64
    public var outputMemory: Int64
    public var totalMemory: Int64
    /// The commands its members ran last, with how many members ran each, busiest first.
    public var commands: [(command: String, count: Int)]
    /// Every flag any member earned.
    public var flags: Set<ClientFlag>
    /// The longest idle time among the members, seconds.
    public var maxIdleSeconds: Int64

    /// How many clients the group has.
    public var count: Int { ids.count }

    public static func == (lhs: ClientGroup, rhs: ClientGroup) -> Bool {
        lhs.identity == rhs.identity && lhs.ids == rhs.ids && lhs.queryBuffer == rhs.queryBuffer && lhs.outputMemory == rhs.outputMemory
            && lhs.totalMemory == rhs.totalMemory && lhs.flags == rhs.flags && lhs.maxIdleSeconds == rhs.maxIdleSeconds
            && lhs.commands.map(\.command) == rhs.commands.map(\.command) && lhs.commands.map(\.count) == rhs.commands.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(identity)
        hasher.combine(ids)
    }

    /// Groups `clients`, each with the flags it earned; groups ordered by output memory, then
    /// count, then identity, so the heaviest comes first.
    public static func group(_ clients: [ClientInfo], flags: [Int64: Set<ClientFlag>]) -> [ClientGroup] {
        var order: [Identity] = []
        var members: [Identity: [ClientInfo]] = [:]
        for client in clients {
            let identity = Identity(client)
            if members[identity] == nil { order.append(identity) }
            members[identity, default: []].append(client)
        }
        let groups = order.map { identity -> ClientGroup in
            let list = members[identity] ?? []
            var commandCounts: [String: Int] = [:]
            for client in list where !client.lastCommand.isEmpty { commandCounts[client.lastCommand, default: 0] += 1 }
            return ClientGroup(
                identity: identity, ids: list.map(\.id).sorted(),
                queryBuffer: list.reduce(0) { $0 + $1.queryBuffer }, outputMemory: list.reduce(0) { $0 + $1.outputMemory },
                totalMemory: list.reduce(0) { $0 + $1.totalMemory },
                commands: commandCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (command: $0.key, count: $0.value) },
                flags: list.reduce(into: Set<ClientFlag>()) { $0.formUnion(flags[$1.id] ?? []) },
                maxIdleSeconds: list.map(\.idleSeconds).max() ?? 0)
        }
        return groups.sorted { a, b in
            if a.outputMemory != b.outputMemory { return a.outputMemory > b.outputMemory }
            if a.count != b.count { return a.count > b.count }
            return a.ids.first ?? 0 < b.ids.first ?? 0
        }
    }
}
