import FuzzSupport
import Testing

@testable import RedisClient

@Suite("Faults: URI and flag parsing under random input")
struct ConnectionFlagsFuzzTests {
    static let password = "Pw9ZqXsecret"

    static func seedURI(_ random: inout SeededRandom) -> String {
        let scheme = ["redis", "rediss", "REDIS", "http", ""].randomElement(using: &random)!
        let user = ["", "alice", "al%20ice", "%zz"].randomElement(using: &random)!
        let host = ["127.0.0.1", "", "[::1]", "::1", "cache.internal", "h o", "[", "例え.jp"].randomElement(using: &random)!
        let port = ["", ":6379", ":0", ":65536", ":-1", ":x", ":"].randomElement(using: &random)!
        let db = ["", "/0", "/3", "/-1", "//2", "/x", "/"].randomElement(using: &random)!
        return "\(scheme)://\(user):\(password)@\(host)\(port)\(db)"
    }

    @Test("a password with a raw slash, question mark or hash stays hidden in the error (regression)")
    func rawSpecialCharacters() throws {
        // Found by the fuzzer: "redis://:pa/ss@h" used to put "ss@h" into an "invalid database" message.
        let parsed = try RedisURI(parsing: "redis://:pa/ss@cache:6380/2")
        #expect(parsed.password?.revealed == "pa/ss" && parsed.host == "cache" && parsed.port == 6380 && parsed.database == 2)
        for uri in ["redis://:pa/ss@host:6379", "redis://u:pa?ss@host", "redis://:pa#ss@host/1", "redis://:x/y/z@h/2", "redis://:x/y/z@h/q"] {
            do {
                _ = try RedisURI(parsing: uri)
            } catch {
                #expect(
                    !error.description.contains("pa/ss") && !error.description.contains("pa?ss")
                        && !error.description.contains("pa#ss") && !error.description.contains("x/y/z"), "\(error)")
            }
        }
    }

    /// Whether the password sits where a URI keeps one: in the userinfo (up to the last "@"),
    /// after its first ":" or, with no ":", as the whole userinfo (redis-cli's habit). Elsewhere
    /// (a mangled URI moved it into the user or the host) it is just text the user typed.
    static func inPasswordPosition(_ uri: String) -> Bool {
        guard let range = uri.firstRange(of: Self.password), let at = uri.lastIndex(of: "@"), range.upperBound <= at else { return false }
        let start = uri.firstRange(of: "://")?.upperBound ?? uri.startIndex
        guard range.lowerBound >= start else { return false }
        guard let colon = uri[start..<at].firstIndex(of: ":") else { return true }
        return range.lowerBound > colon
    }

    @Test("random URIs and flags: options or a one-line UsageError; the password never shows")
    func fuzz() {
        var budget = FuzzBudget()
        while budget.next() {
            let base = Self.seedURI(&budget.random)
            let uri = Bool.random(using: &budget.random) ? TextMutator.mutate(base, using: &budget.random) : base
            var flags = ConnectionFlags(uris: [uri])
            if Int.random(in: 0..<4, using: &budget.random) == 0 {
                flags.uris = []
                flags.host = uri
            }
            if Bool.random(using: &budget.random) { flags.password = Self.password }
            if Int.random(in: 0..<3, using: &budget.random) == 0 { flags.user = "bob" }
            if Int.random(in: 0..<3, using: &budget.random) == 0 { flags.database = Int.random(in: -2...20, using: &budget.random) }
            if Int.random(in: 0..<3, using: &budget.random) == 0 { flags.port = Int.random(in: -1...70_000, using: &budget.random) }
            flags.tls = Int.random(in: 0..<3, using: &budget.random) == 0
            flags.insecure = Int.random(in: 0..<4, using: &budget.random) == 0
            let environment = Bool.random(using: &budget.random) ? ["REDISCLI_AUTH": Self.password] : [:]
            let inPlace = Self.inPasswordPosition(uri)
            // Shown only when the user typed it where it is not a password (a broken URI, -h …).
            let typedElsewhere = (uri.contains(Self.password) && !inPlace) || flags.host != nil
            do {
                let options = try flags.resolve(environment: environment)
                #expect(!options.isEmpty)
                for option in options {
                    #expect(!option.description.contains(Self.password) || typedElsewhere, "\(option) \(budget.replay)")
                    #expect((1...65535).contains(option.endpoint.port), "\(budget.replay)")
                    #expect(option.database >= 0, "\(budget.replay)")
                }
            } catch {
                #expect(!error.description.contains("\n"), "\(budget.replay)")
                if !typedElsewhere {
                    #expect(!error.description.contains(Self.password), "\(uri.debugDescription) → \(error) \(budget.replay)")
                }
            }
            #expect(!flags.description.contains(Self.password) || typedElsewhere, "\(flags) \(budget.replay)")
        }
        #expect(budget.iterations > 100)
    }
}
