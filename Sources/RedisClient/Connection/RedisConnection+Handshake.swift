import RESP

extension RedisConnection {
    /// HELLO 3 (with AUTH and SETNAME) or the RESP2 sequence, then SELECT.
    func prepareSession() async throws {
        var resp3 = false
        if options.preferredProtocol >= 3 {
            var arguments: [any RedisArgument] = ["3"]
            if let password = options.password {
                arguments += ["AUTH", options.username ?? "default", password.revealed]
            }
            if let name = options.clientName { arguments += ["SETNAME", name] }
            let reply = try await sendReply(RedisCommand("HELLO", arguments: arguments))
            if case .error = reply {
                let message = reply.errorMessage ?? ""
                // Redis < 6 does not know HELLO; NOPROTO: no RESP3; an ACL may deny HELLO itself.
                let fallBack =
                    message.hasPrefix("NOPROTO") || message.lowercased().contains("unknown command")
                    || message.hasPrefix("NOPERM")
                guard fallBack else { throw RedisError.server(reply, endpoint: endpoint) }
            } else {
                resp3 = true
            }
        }
        setProtocolVersion(resp3 ? 3 : 2)
        if !resp3 {
            if let password = options.password {
                var arguments: [any RedisArgument] = []
                if let username = options.username { arguments.append(username) }
                arguments.append(password.revealed)
                _ = try await send(RedisCommand("AUTH", arguments: arguments))
            }
            if let name = options.clientName {
                // Best effort: a restricted ACL user may not be allowed CLIENT SETNAME.
                _ = try await sendReply(RedisCommand("CLIENT", "SETNAME", name))
            }
        }
        if options.database != 0 {
            _ = try await send(RedisCommand("SELECT", options.database))
        }
    }
}
