/// A parsed `redis+sentinel://[user:password@]host1:26379[,host2:26379…]/MASTER[/db]` (or
/// `rediss+sentinel://…` for TLS to sentinels and nodes).
///
/// The user and password are the data nodes' (as in `redis://`); sentinels have their own
/// (`--sentinel-user`, `--sentinel-password`, `CACHESCOPE_SENTINEL_AUTH`). A sentinel without a
/// port listens on 26379. Without a master name, the groups are listed to choose from.
public struct SentinelURI: Sendable, Hashable {
    /// `true` for `rediss+sentinel://`.
    public var tls: Bool
    /// The data nodes' ACL user, if given.
    public var username: String?
    /// The data nodes' password, if given.
    public var password: Secret?
    /// The sentinels, in the order given.
    public var sentinels: [RedisEndpoint]
    /// The monitored group, if given.
    public var masterName: String?
    /// The data nodes' database, if given.
    public var database: Int?

    /// Whether `text` uses a sentinel scheme.
    public static func isSentinel(_ text: String) -> Bool {
        let lowered = text.prefix(20).lowercased()
        return lowered.hasPrefix("redis+sentinel://") || lowered.hasPrefix("rediss+sentinel://")
    }

    /// Parses a URI.
    /// - Throws: ``UsageError`` naming the problem; the URI is shown with its password hidden.
    public init(parsing text: String) throws(UsageError) {
        let shown = RedisURI.redacted(text)
        guard Self.isSentinel(text), let schemeEnd = text.firstRange(of: "://") else {
            throw UsageError("not a redis+sentinel:// URI: \(shown)")
        }
        tls = text.lowercased().hasPrefix("rediss")
        let rest = text[schemeEnd.upperBound...]
        // The userinfo ends at the last "@", as in redis:// URIs.
        let hostStart = rest.lastIndex(of: "@").map { rest.index(after: $0) } ?? rest.startIndex
        let userinfo = hostStart == rest.startIndex ? nil : rest[..<rest.index(before: hostStart)]
        let slash = rest[hostStart...].firstIndex(of: "/") ?? rest.endIndex
        let hosts = rest[hostStart..<slash].split(separator: ",", omittingEmptySubsequences: false)
        guard !hosts.isEmpty, !hosts.contains(where: \.isEmpty) else { throw UsageError("no sentinel address in \(shown): expected host:port[,host:port…]") }
        // Each part is checked as the redis:// parser checks hosts, ports and credentials.
        sentinels = try hosts.map { (host) throws(UsageError) -> RedisEndpoint in
            do {
                let parsed = try RedisURI(parsing: "redis://" + host)
                return RedisEndpoint(host: parsed.host, port: parsed.port ?? 26379)
            } catch { throw UsageError("invalid sentinel \"\(host)\" in \(shown)") }
        }
        username = nil
        password = nil
        if let userinfo {
            let credentials: RedisURI
            do { credentials = try RedisURI(parsing: "redis://" + userinfo + "@h") } catch {
                throw UsageError("invalid credentials in \(shown) (percent-encode special characters)")
            }
            username = credentials.username
            password = credentials.password
        }
        let path = rest[slash...].split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.count <= 2 else { throw UsageError("expected /MASTER[/db] after the sentinels in \(shown)") }
        let name = path.first.map(String.init) ?? ""
        masterName = name.isEmpty ? nil : name
        database = nil
        if path.count == 2 {
            guard let value = Int(path.last!), value >= 0 else { throw UsageError("invalid database \"\(path.last!)\" in \(shown): expected a number like /0") }
            database = value
        }
        if let masterName, !masterName.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "%" }) {
            throw UsageError("invalid master name \"\(masterName)\" in \(shown)")
        }
    }
}
