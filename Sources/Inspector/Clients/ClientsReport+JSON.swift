// The clients report as JSON, for `cachescope snapshot --clients --json`.
import Foundation

extension ClientsReport {
    /// The report as a JSON object: `node`, the memory and tracking figures, and `clients`, a
    /// list of groups, each with `name`, `libName`, `user`, `addr` (host), `count`, `ids`, `qbuf`,
    /// `omem`, `totMem`, `cmds` and `flags` (``ClientFlag`` raw values). Names from the server are
    /// JSON-escaped; bytes that are not UTF-8 become U+FFFD.
    public func json(node: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(data: encoder.encode(JSONForm(self, node: node)), encoding: .utf8)) ?? "{}"
    }

    struct JSONForm: Encodable {
        struct Group: Encodable {
            var name: String
            var libName: String
            var libVer: String
            var user: String
            var addr: String
            var count: Int
            var ids: [Int64]
            var qbuf: Int64
            var omem: Int64
            var totMem: Int64
            var cmds: [String: Int]
            var flags: [String]
        }

        var node: String
        var usedMemory: Int64?
        var normalClientsMemory: Int64?
        var replicaClientsMemory: Int64?
        var trackingTotalKeys: Int64?
        var trackingTotalItems: Int64?
        var clients: [Group]
        var errors: [String: String]

        init(_ report: ClientsReport, node: String) {
            self.node = node
            usedMemory = report.usedMemory
            normalClientsMemory = report.normalClientsMemory
            replicaClientsMemory = report.replicaClientsMemory
            trackingTotalKeys = report.trackingKeys
            trackingTotalItems = report.trackingItems
            errors = report.errors
            clients = report.groups.map { group in
                Group(
                    name: String(decoding: group.identity.name, as: UTF8.self), libName: group.identity.libraryName,
                    libVer: group.identity.libraryVersion, user: group.identity.user, addr: group.identity.host, count: group.count,
                    ids: group.ids, qbuf: group.queryBuffer, omem: group.outputMemory, totMem: group.totalMemory,
                    cmds: Dictionary(group.commands.map { ($0.command, $0.count) }, uniquingKeysWith: +),
                    flags: group.flags.sorted().map(\.rawValue))
            }
        }
    }
}
