/// What a doctor finding found, as figures, one case per shape of finding. The finding itself
/// holds the prefix, the key count, the memory, the example keys and the field names; the facts
/// add what is particular to the kind. Sentences are the app layer's: nothing here is worded.
public enum FindingFacts: Sendable, Hashable {
    /// Keys without TTL in a prefix where most keys expire.
    case missingTTL(MissingTTL)
    /// Many keys of one prefix expiring in the same second or minute.
    case expiryWave(ExpiryWave)
    /// Single keys at or above the size threshold.
    case oversizedKeys(OversizedKeys)
    /// A prefix whose average entry is large.
    case oversizedPrefix(OversizedPrefix)
    /// Credential-like field names or key-name segments in a prefix's sampled keys.
    case secrets(Secrets)
    /// A lock key without TTL, with a long TTL, or idle for long.
    case staleLock(StaleLock)
    /// The most used keys of the sample.
    case hotKeys(HotKeys)
    /// The eviction policy cannot do its job with these keys and this much memory.
    case evictionPressure(EvictionPressure)
    /// Hashes with expiring fields that never expire themselves.
    case expiringFieldsInPersistentHash(ExpiringFieldsInPersistentHash)
    /// Many hash fields expiring in the same second.
    case fieldExpiryWave(FieldExpiryWave)

    /// The anti-pattern these facts are evidence of.
    public var kind: FindingKind {
        switch self {
        case .missingTTL: .missingTTL
        case .expiryWave: .expiryWave
        case .oversizedKeys, .oversizedPrefix: .oversized
        case .secrets: .secrets
        case .staleLock: .staleLock
        case .hotKeys: .hotKeys
        case .evictionPressure: .evictionPressure
        case .expiringFieldsInPersistentHash: .expiringFieldsInPersistentHash
        case .fieldExpiryWave: .fieldExpiryWave
        }
    }
}
