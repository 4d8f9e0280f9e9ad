import ArgumentParser
import Foundation
import Inspector
import RedisClient

/// `snapshot` in Sentinel mode: without a group name, every group the sentinels monitor; with
/// one, the group's nodes (primary confirmed with ROLE, then replicas) are the nodes reported.
enum SentinelSnapshot {
    /// Prints every group (`SENTINEL MASTERS`), as text or JSON.
    static func listGroups(_ target: ResolvedTarget, _ sentinel: SentinelTarget, json: Bool) async throws {
        let client = sentinel.client(addressMap: target.addressMap)
        defer { Task { await client.close() } }
        let masters: [SentinelMaster]
        do { masters = try await client.masters() } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            let items = masters.map { master in
                "{\"name\":\(quote(master.name)),\"address\":\(master.endpoint.map { quote("\($0)") } ?? "null"),"
                    + "\"flags\":[\(master.flags.map(quote).joined(separator: ","))],\"replicas\":\(master.replicaCount ?? 0),"
                    + "\"sentinels\":\(master.sentinelCount ?? 0),\"quorum\":\(master.quorum.map(String.init) ?? "null")}"
            }
            print("{\"groups\":[\(items.joined(separator: ","))]}")
        } else {
            print("Sentinel groups (\(masters.count)):")
            for master in masters { print("  " + SentinelSessionSetup.describe(master)) }
        }
    }

    /// The target with the group's nodes as its nodes, and the group as read.
    /// - Throws: `ExitCode(1)` after saying why on standard error.
    static func nodes(_ target: ResolvedTarget, _ sentinel: SentinelTarget) async throws -> (ResolvedTarget, SentinelOverview) {
        do {
            let (client, topology) = try await SentinelSessionSetup.discover(target, sentinel: sentinel, ask: false)
            await client.close()
            var resolved = target
            resolved.options = topology.nodes.map { client.nodeOptions(for: $0) }
            resolved.sentinel = nil
            return (resolved, SentinelOverview(topology))
        } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// A few lines about the group, for the text report.
    static func text(_ overview: SentinelOverview) -> String {
        let up = overview.sentinels.filter(\.isUp).map(\.address)
        let down = overview.sentinels.filter { !$0.isUp }.map(\.address)
        var lines = [
            "Sentinel group \(overview.masterName): primary \(overview.primaryAddress) [\(overview.primaryFlags.joined(separator: ","))], quorum \(overview.quorum.map(String.init) ?? "-") (\(overview.quorumReachable ? "reachable" : "NOT reachable"): \(overview.quorumMessage))",
            "  sentinels up: \(up.joined(separator: ", "))" + (down.isEmpty ? "" : "; down: \(down.joined(separator: ", "))"),
        ]
        for replica in overview.replicas {
            lines.append("  replica \(replica.address) link \(replica.linkStatus ?? "-") lag \(replica.lagBytes.map { "\($0) B" } ?? "-") [\(replica.flags.joined(separator: ","))]")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The group as JSON: primary, flags, quorum, sentinels and replicas.
    static func json(_ overview: SentinelOverview) -> String {
        let sentinels = overview.sentinels.map { "{\"address\":\(quote($0.address)),\"up\":\($0.isUp)}" }
        let replicas = overview.replicas.map { replica in
            "{\"address\":\(quote(replica.address)),\"link\":\(replica.linkStatus.map(quote) ?? "null"),"
                + "\"lag_bytes\":\(replica.lagBytes.map(String.init) ?? "null"),\"last_reply_ms\":\(replica.lastReplyMilliseconds.map(String.init) ?? "null"),"
                + "\"flags\":[\(replica.flags.map(quote).joined(separator: ","))]}"
        }
        return "{\"master\":\(quote(overview.masterName)),\"primary\":\(quote(overview.primaryAddress)),"
            + "\"primary_flags\":[\(overview.primaryFlags.map(quote).joined(separator: ","))],\"quorum\":\(overview.quorum.map(String.init) ?? "null"),"
            + "\"quorum_reachable\":\(overview.quorumReachable),\"quorum_message\":\(quote(overview.quorumMessage)),"
            + "\"sentinels\":[\(sentinels.joined(separator: ","))],\"replicas\":[\(replicas.joined(separator: ","))]}"
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
