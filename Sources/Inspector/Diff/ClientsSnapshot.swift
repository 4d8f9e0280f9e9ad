// `cachescope snapshot --clients --json` read back, and two of them compared group by group.

/// One node's clients as `snapshot --clients --json` writes them (see ``ClientsReport/json(node:)``).
public struct ClientsSnapshot: Sendable, Decodable, Equatable {
    /// Clients that share a name, library, user and host.
    public struct Group: Sendable, Decodable, Equatable {
        public var name: String
        public var libName: String
        public var user: String
        public var addr: String
        public var count: Int
        public var totMem: Int64

        /// How the group reads in a diff: `name` (or `-`) `@host`, with the library and user when known.
        public var label: String {
            var text = (name.isEmpty ? "-" : name) + " @" + addr
            if !libName.isEmpty { text += " " + libName }
            if !user.isEmpty, user != "default" { text += " user " + user }
            return text
        }
    }

    public var node: String
    public var clients: [Group]

    /// The client count, the clients' total memory, and each group's count, heaviest change first.
    public func diffRows(to after: ClientsSnapshot) -> [DiffRow] {
        var rows: [DiffRow?] = [
            .figure(.clients, node: after.node, name: "clients", before: Double(clients.map(\.count).reduce(0, +)), after: Double(after.clients.map(\.count).reduce(0, +)), unit: .count),
            .figure(.memory, node: after.node, name: "client memory", before: Double(clients.map(\.totMem).reduce(0, +)), after: Double(after.clients.map(\.totMem).reduce(0, +)), unit: .bytes),
        ]
        let old = Dictionary(clients.map { ($0.label, $0.count) }, uniquingKeysWith: +)
        let new = Dictionary(after.clients.map { ($0.label, $0.count) }, uniquingKeysWith: +)
        let names = clients.map(\.label) + after.clients.map(\.label).filter { old[$0] == nil }
        var seen: Set<String> = []
        for name in names where seen.insert(name).inserted {
            rows.append(.figure(.clients, node: after.node, name: name, before: old[name].map(Double.init), after: new[name].map(Double.init), unit: .count))
        }
        return rows.compactMap { $0 }
    }
}
