// `cachescope snapshot --clients`: each node's clients, grouped and flagged, as text or JSON.
import ArgumentParser
import Foundation
import Inspector
import RedisClient
import TerminalUI

/// Reads every node's clients once (two looks one interval apart, so growing query buffers show)
/// and prints the groups, heaviest output buffers first. Exits 1 when a node cannot be reached.
enum ClientsSnapshot {
    static func run(_ target: ResolvedTarget, json: Bool, interval: Double) async throws {
        var outputs: [String] = []
        var failed = false
        for options in target.options {
            let node = "\(options.endpoint)"
            do {
                let connection = try await RedisConnection.connect(options)
                defer { Task { await connection.close() } }
                let first = try await ClientsReport.fetch(from: connection)
                try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
                let report = try await ClientsReport.fetch(from: connection, previous: first)
                outputs.append(json ? report.json(node: node) : text(report, node: node))
            } catch {
                failed = true
                outputs.append(json ? "{\"node\":\(DoctorSnapshot.quoted(node)),\"error\":\(DoctorSnapshot.quoted("\(error)"))}" : "clients \(node): DOWN \(escaped("\(error)"))\n")
            }
        }
        print(json ? "{\"nodes\":[\n" + outputs.joined(separator: ",\n") + "\n]}" : outputs.joined(separator: "\n"), terminator: json ? "\n" : "")
        if failed { throw ExitCode(1) }
    }

    /// The report as a table, names through the sanitiser.
    static func text(_ report: ClientsReport, node: String) -> String {
        var out = "clients \(node): \(report.clients.count) clients in \(report.groups.count) groups"
        if let normal = report.normalClientsMemory, let used = report.usedMemory, used > 0 {
            out += " · client buffers \(Formatting.bytes(Double(normal))) of \(Formatting.bytes(Double(used))) used"
        }
        if let keys = report.trackingKeys, let items = report.trackingItems { out += " · tracking \(keys) keys, \(items) items" }
        out += "\n"
        let header = ["COUNT", "NAME", "LIB", "USER", "HOST", "QBUF", "OMEM", "TOT-MEM", "CMDS", "FLAGS"]
        var rows: [[String]] = [header]
        for group in report.groups {
            let identity = group.identity
            let library = identity.libraryName.isEmpty ? "-" : identity.libraryName + (identity.libraryVersion.isEmpty ? "" : " " + identity.libraryVersion)
            rows.append([
                "\(group.count)", identity.name.isEmpty ? "-" : DisplayText(ServerBytes(identity.name)).description, escaped(library),
                identity.user.isEmpty ? "-" : escaped(identity.user), escaped(identity.host),
                Formatting.bytes(Double(group.queryBuffer)), Formatting.bytes(Double(group.outputMemory)), Formatting.bytes(Double(group.totalMemory)),
                escaped(group.commands.prefix(3).map { "\($0.command)×\($0.count)" }.joined(separator: " ")),
                group.flags.sorted().map(\.rawValue).joined(separator: ","),
            ])
        }
        let widths = header.indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        for row in rows {
            out +=
                row.enumerated().map { $1 + String(repeating: " ", count: max(0, widths[$0] - DisplayWidth.of($1))) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces) + "\n"
        }
        return out
    }

    /// Text from a server as the terminal may show it (through the sanitiser).
    static func escaped(_ text: String) -> String { DisplayText(sanitizing: text).description }
}
