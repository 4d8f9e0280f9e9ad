import Foundation
import Inspector
import RedisClient

/// Sentinel mode at the start of a session: which group (asked when not named), its nodes
/// (primary confirmed with ROLE, then replicas), and the client that keeps following it.
enum SentinelSessionSetup {
    /// Discovers the group of `target` (asking which one on the terminal when no name is given).
    /// - Throws: ``SentinelError`` or ``UsageError`` (no group chosen).
    static func discover(_ target: ResolvedTarget, sentinel: SentinelTarget, ask: Bool) async throws -> (SentinelClient, SentinelTopology) {
        var sentinel = sentinel
        if sentinel.masterName == nil {
            let lister = sentinel.client(addressMap: target.addressMap)
            let masters = try await lister.masters()
            await lister.close()
            sentinel.masterName = try choose(masters, ask: ask)
        }
        let client = sentinel.client(addressMap: target.addressMap)
        do {
            return (client, try await client.discover())
        } catch {
            await client.close()
            throw error
        }
    }

    /// The one group, or the one the user picks by number.
    private static func choose(_ masters: [SentinelMaster], ask: Bool) throws -> String {
        guard !masters.isEmpty else { throw UsageError("the sentinels monitor no group") }
        if masters.count == 1 { return masters[0].name }
        guard ask else { throw UsageError("the sentinels monitor several groups (\(masters.map(\.name).joined(separator: ", "))): name one with --master") }
        var prompt = "The sentinels monitor \(masters.count) groups:\n"
        for (index, master) in masters.enumerated() { prompt += "  \(index + 1)) \(describe(master))\n" }
        prompt += "Which one (1-\(masters.count))? "
        FileHandle.standardError.write(Data(prompt.utf8))
        guard let line = readLine(), let number = Int(line.trimmingCharacters(in: .whitespaces)), masters.indices.contains(number - 1) else {
            throw UsageError("no group chosen: name one with --master")
        }
        return masters[number - 1].name
    }

    /// `mymaster  10.0.0.5:6379  2 replicas, 3 sentinels, quorum 2  flags master`.
    static func describe(_ master: SentinelMaster) -> String {
        let address = master.endpoint.map { "\($0)" } ?? "-"
        let counts = "\(master.replicaCount ?? 0) replicas, \(master.sentinelCount ?? 0) sentinels, quorum \(master.quorum.map(String.init) ?? "-")"
        return "\(master.name)  \(address)  \(counts)  flags \(master.flags.joined(separator: ","))"
    }
}
