import NIOCore
import RESP

extension ClusterClient {
    /// Runs commands across the cluster as if it were one node, replies in order (error replies
    /// in place), so code written for one node (keyspace scan, value reads, mutations) works on
    /// a cluster unchanged:
    /// - a keyed command goes to its slot's primary; the commands for one node go in one pipeline,
    ///   the nodes in parallel; `MOVED`/`ASK` replies are followed one by one;
    /// - `DEL`/`UNLINK`/`EXISTS`/`TOUCH` of several keys are split by slot and their counts added;
    /// - `SCAN` walks every primary in slot order with a composite cursor (`shard:cursor`, `0` at
    ///   the very end), so `SCAN` loops cover the whole cluster;
    /// - `DBSIZE` adds up every primary; other keyless commands go to the first primary.
    /// - Throws: ``RedisError`` when a node cannot be reached.
    public func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        try await pipeline(commands, fromReplicas: false)
    }

    /// Like ``pipeline(_:)``, with `fromReplicas` sending keyed commands to a replica of their
    /// slot (after `READONLY`) and `SCAN` to one replica per shard (the primary where a shard has
    /// none): for read-only work such as indexing, off the primaries' backs. Never for writes.
    public func pipeline(_ commands: [RedisCommand], fromReplicas: Bool) async throws -> [RESPValue] {
        if topology.shards.isEmpty { try await refreshTopology() }
        var replies = [RESPValue](repeating: .null, count: commands.count)
        var groups: [RedisEndpoint: [Int]] = [:]
        var special: [Int] = []
        for (index, command) in commands.enumerated() {
            switch ClusterCommandKeys.routing(of: command) {
            case .key(let position):
                guard command.arguments.indices.contains(position),
                    let endpoint = endpoint(forSlot: HashSlot.of(command.arguments[position]), replica: fromReplicas)
                else {
                    special.append(index)
                    continue
                }
                groups[endpoint, default: []].append(index)
            case .summedKeys, .keyless:
                special.append(index)
            }
        }
        // One pipeline per node, all nodes at once.
        let batches = groups.map { (endpoint: $0.key, indices: $0.value, connection: connection(for: $0.key)) }
        let results = await withTaskGroup(of: (Int, Result<[RESPValue], any Error>).self) { group in
            for (batchIndex, batch) in batches.enumerated() {
                // A replica serves keyed reads only after READONLY (its reply is dropped).
                let selected = (fromReplicas ? [RedisCommand("READONLY")] : []) + batch.indices.map { commands[$0] }
                group.addTask {
                    do {
                        let replies = try await batch.connection.pipeline(selected)
                        return (batchIndex, .success(fromReplicas ? Array(replies.dropFirst()) : replies))
                    } catch { return (batchIndex, .failure(error)) }
                }
            }
            var collected: [(Int, Result<[RESPValue], any Error>)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        for (batchIndex, result) in results {
            let batch = batches[batchIndex]
            switch result {
            case .success(let batchReplies):
                for (index, reply) in zip(batch.indices, batchReplies) {
                    if Self.isRedirect(reply) {
                        // Mid-migration or a moved slot: this one command follows the redirection.
                        replies[index] = try await sendReply(commands[index], key: ClusterCommandKeys.key(of: commands[index]), replica: fromReplicas)
                    } else {
                        replies[index] = reply
                    }
                }
            case .failure:
                // The node went away (failover?): each command again through the routed path, which refreshes once.
                for index in batch.indices {
                    replies[index] = try await sendReply(commands[index], key: ClusterCommandKeys.key(of: commands[index]), replica: fromReplicas)
                }
            }
        }
        for index in special {
            replies[index] = try await runUnbatched(commands[index], fromReplicas: fromReplicas)
        }
        return replies
    }

    private static func isRedirect(_ reply: RESPValue) -> Bool {
        guard let message = reply.errorMessage else { return false }
        return message.hasPrefix("MOVED ") || message.hasPrefix("ASK ") || message.hasPrefix("TRYAGAIN")
    }

    private func runUnbatched(_ command: RedisCommand, fromReplicas: Bool) async throws -> RESPValue {
        switch ClusterCommandKeys.routing(of: command) {
        case .key:
            return try await sendReply(command, key: ClusterCommandKeys.key(of: command), replica: fromReplicas)
        case .summedKeys:
            return try await summed(command)
        case .keyless:
            switch command.name {
            case "SCAN": return try await scan(command, fromReplicas: fromReplicas)
            case "DBSIZE":
                let sizes = try await forEachPrimary { _, connection in try await connection.pipeline([RedisCommand("DBSIZE")])[0] }
                if let error = sizes.first(where: { $0.errorMessage != nil }) { return error }
                return .integer(sizes.reduce(0) { $0 + ($1.int ?? 0) })
            default:
                return try await sendReply(command, key: nil)
            }
        }
    }

    /// `DEL a b c` → one command per slot, counts added up.
    private func summed(_ command: RedisCommand) async throws -> RESPValue {
        var bySlot: [Int: [[UInt8]]] = [:]
        var order: [Int] = []
        for key in command.arguments.dropFirst() {
            let slot = HashSlot.of(key)
            if bySlot[slot] == nil { order.append(slot) }
            bySlot[slot, default: []].append(key)
        }
        var total: Int64 = 0
        for slot in order {
            let keys = bySlot[slot]!
            let reply = try await sendReply(RedisCommand(arguments: [command.arguments[0]] + keys), key: keys[0])
            if reply.errorMessage != nil { return reply }
            total += reply.int ?? 0
        }
        return .integer(total)
    }

    /// One step of a cluster-wide `SCAN`: the cursor `shard:cursor` names the shard (in slot
    /// order) and that primary's own cursor; `0` starts at the first shard and ends after the last.
    private func scan(_ command: RedisCommand, fromReplicas: Bool) async throws -> RESPValue {
        guard command.arguments.count >= 2 else { return try await sendReply(command, key: nil) }
        let cursorText = String(decoding: command.arguments[1], as: UTF8.self)
        var shardIndex = 0
        var nodeCursor = "0"
        if cursorText != "0" {
            let parts = cursorText.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let index = Int(parts[0]) else {
                return .error(ByteBuffer(string: "ERR invalid cluster cursor"))
            }
            shardIndex = index
            nodeCursor = String(parts[1])
        }
        let nodes = shardEndpoints(replica: fromReplicas)
        guard shardIndex < nodes.count else {
            return .array([.bulkString(ByteBuffer(string: "0")), .array([])])
        }
        var arguments = command.arguments
        arguments[1] = Array(nodeCursor.utf8)
        let reply = try await sendReply(RedisCommand(arguments: arguments), to: nodes[shardIndex])
        guard let parts = reply.array, parts.count == 2, let next = parts[0].string else { return reply }
        let composite: String
        if next != "0" {
            composite = "\(shardIndex):\(next)"
        } else if shardIndex + 1 < nodes.count {
            composite = "\(shardIndex + 1):0"
        } else {
            composite = "0"
        }
        return .array([.bulkString(ByteBuffer(string: composite)), parts[1]])
    }
}
