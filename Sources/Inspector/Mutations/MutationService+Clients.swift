// Client kills through the one mutation path: a dry run, then CLIENT KILL by id, audited.
import RESP
import RedisClient

extension MutationService {
    /// Reads `CLIENT LIST` and lists the clients `selector` picks, cachescope's own connections
    /// left out. Nothing changes on the server.
    /// - Parameter ownIDs: the ids of cachescope's own connections, when known.
    /// - Throws: ``MutationError`` when the list cannot be read.
    public func planClientKill(_ selector: ClientSelector, ownIDs: Set<Int64> = []) async throws -> ClientKillPlan {
        let replies = try await exchange([RedisCommand("CLIENT", "LIST")], command: "CLIENT LIST", done: "nothing was changed")
        let reply = try checked(replies[0], "CLIENT LIST")
        let matched = ClientInfo.parseList(reply.bytes ?? []).filter(selector.matches)
        let own = matched.filter { ClientsReport.isOwn($0, ownIDs: ownIDs) }
        let clients = matched.filter { !ClientsReport.isOwn($0, ownIDs: ownIDs) }.sorted { $0.id < $1.id }
        return ClientKillPlan(node: node, selector: selector, clients: clients, ownSkipped: own.count)
    }

    /// Disconnects the plan's clients, one `CLIENT KILL ID n` each (ids only: the server is never
    /// given a filter it could widen). Refused in read-only mode; audited with ids, addresses and
    /// names; cannot be undone.
    /// - Throws: ``MutationError``.
    public func killClients(_ plan: ClientKillPlan) async throws -> ClientKillOutcome {
        let detail =
            "selector=\(plan.selector) clients="
            + plan.clients.map { client in
                "\(client.id)@\(client.address)" + (client.name.isEmpty ? "" : "/" + String(decoding: client.name, as: UTF8.self))
            }.joined(separator: ",")
        try await refuseIfReadOnly("CLIENT KILL", detail: detail)
        guard !plan.clients.isEmpty else { return ClientKillOutcome() }
        do {
            let commands = plan.ids.map { RedisCommand("CLIENT", "KILL", "ID", $0) }
            let replies = try await exchange(commands, command: "CLIENT KILL", done: "some clients may have been disconnected")
            var outcome = ClientKillOutcome()
            for (id, reply) in zip(plan.ids, replies) {
                if let message = reply.errorMessage {
                    if message.contains("No such client") { outcome.gone.append(id) } else { outcome.failed[id] = message }
                } else if (reply.int ?? 0) > 0 {
                    outcome.killed.append(id)
                } else {
                    outcome.gone.append(id)
                }
            }
            await audit(
                "CLIENT KILL", keys: [], keyCount: plan.clients.count, detail: detail,
                result: "killed=\(outcome.killed.count) gone=\(outcome.gone.count) refused=\(outcome.failed.count)")
            return outcome
        } catch {
            await audit("CLIENT KILL", keys: [], keyCount: plan.clients.count, detail: detail, result: Self.auditResult(error))
            throw error
        }
    }
}
