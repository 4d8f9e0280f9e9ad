/// Which server answered `INFO`: Redis or Valkey, and the server's own version.
extension InfoSnapshot {
    /// `valkey` when `INFO` says `server_name:valkey`; `redis` otherwise (Redis sends no such field).
    public var serverName: String { self["server_name"].map { $0.lowercased() } ?? "redis" }

    /// The server's own version: Valkey's `valkey_version` (its `redis_version` stays `7.2.4`, for
    /// clients that compare it), else `redis_version`; nil when `INFO server` was not asked.
    public var serverVersion: String? { self["valkey_version"] ?? self["redis_version"] }

    /// `major.minor` of ``serverVersion``, for feature checks; nil when unknown.
    public var serverMajorMinor: (major: Int, minor: Int)? {
        guard let parts = serverVersion?.split(separator: "."), let major = parts.first.flatMap({ Int($0) }) else { return nil }
        return (major, parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }
}
