/// The anti-patterns the cache doctor looks for, one detector each.
public enum FindingKind: String, Sendable, Hashable, CaseIterable {
    /// Keys without TTL in a prefix where most keys expire (a cache entry that never leaves).
    case missingTTL = "missing-ttl"
    /// Many keys of one prefix expiring in the same second or minute (TTL set without jitter).
    case expiryWave = "expiry-wave"
    /// Very large keys, or prefixes whose average entry is large (whole rows cached).
    case oversized = "oversized"
    /// Hash fields, JSON fields or key names that look like credentials.
    case secrets = "secrets"
    /// Lock keys without TTL, with a long TTL, or idle for long (a stampede lock left behind).
    case staleLock = "stale-lock"
    /// The most frequently used keys (`OBJECT FREQ` under an LFU policy).
    case hotKeys = "hot-keys"
    /// The eviction policy cannot do its job with these keys and this much memory.
    case evictionPressure = "eviction-pressure"
    /// Many hash fields expiring within the same second (field TTLs set without jitter).
    case fieldExpiryWave = "field-expiry-wave"
    /// Hashes whose fields expire while the hash itself never does (its other fields live forever).
    case expiringFieldsInPersistentHash = "expiring-fields-persistent-hash"
}
