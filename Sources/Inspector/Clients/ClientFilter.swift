// The server pane's `/` filter over clients, as the operator types it.

/// A filter typed over the clients list: `user=etl`, `lib=redis-py`, `addr=10.0.0.5`,
/// `name=worker`, `cmd=blpop`, `idle>1h`, or plain text found in the name, address, user,
/// library or last command. Several terms must all match.
public struct ClientFilter: Sendable, Hashable, CustomStringConvertible {
    /// One condition.
    public enum Term: Sendable, Hashable {
        case user(String)
        case library(String)
        case address(String)
        case name(String)
        case command(String)
        case idleAtLeast(Int64)
        case text(String)
    }

    /// The text as typed.
    public let text: String
    public let terms: [Term]

    /// Parses `text`.
    /// - Throws: ``TTLParser`` errors for an `idle>` duration that means nothing (`idle>abc`).
    public init(_ text: String) throws {
        self.text = text
        terms = try text.split(separator: " ").map { word in
            let word = String(word)
            if word.hasPrefix("idle>") { return .idleAtLeast(try TTLParser.seconds(String(word.dropFirst(5)))) }
            guard let equals = word.firstIndex(of: "=") else { return .text(word.lowercased()) }
            let value = String(word[word.index(after: equals)...])
            switch word[..<equals] {
            case "user": return .user(value)
            case "lib", "lib-name": return .library(value)
            case "addr", "host": return .address(value)
            case "name": return .name(value)
            case "cmd": return .command(value.lowercased())
            default: return .text(word.lowercased())
            }
        }
    }

    /// True when nothing is filtered.
    public var isEmpty: Bool { terms.isEmpty }

    public var description: String { text }

    /// Whether `client` passes every term.
    public func matches(_ client: ClientInfo) -> Bool {
        terms.allSatisfy { term in
            switch term {
            case .user(let user): return client.user == user
            case .library(let name): return client.libraryName == name
            case .address(let text): return client.address == text || client.host == text
            case .name(let name): return client.name == Array(name.utf8)
            case .command(let command): return client.lastCommand.lowercased() == command
            case .idleAtLeast(let seconds): return client.idleSeconds >= seconds
            case .text(let needle):
                let haystack = [String(decoding: client.name, as: UTF8.self), client.address, client.user, client.libraryName, client.lastCommand]
                return haystack.contains { $0.lowercased().contains(needle) }
            }
        }
    }
}
