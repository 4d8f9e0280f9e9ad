import Inspector

/// The sentences of each kind of finding: its facts, with the finding's prefix, key count and
/// memory, in words.
extension DoctorWording {
    static func missingTTL(_ facts: FindingFacts.MissingTTL, _ finding: DoctorFinding) -> FindingText {
        let name = prefix(finding.prefix)
        return FindingText(
            title: "\(count(finding.keyCount, finding)) keys without TTL in \(name) (\(percent(facts.expiringShare)) of its keys expire)",
            details: [
                "keys in prefix: \(facts.prefixKeysExact ? "\(facts.prefixKeys)" : count(facts.prefixKeys, finding)), with TTL: \(count(facts.expiringKeys, finding)), without: \(count(finding.keyCount, finding))",
                "memory without TTL: \(bytes(finding.memory, finding)) of \(bytes(facts.prefixMemory, finding))",
                "TTL left on the others: median \(duration(facts.medianRemaining)), 90th percentile \(duration(facts.p90Remaining))",
            ],
            suggestion: "Set a TTL wherever \(name) keys are written; meanwhile give the existing ones a TTL of about "
                + "\(duration(facts.suggestedTTL)) with ±\(percent(facts.suggestedJitter)) jitter.")
    }

    static func expiryWave(_ facts: FindingFacts.ExpiryWave, _ finding: DoctorFinding) -> FindingText {
        let name = prefix(finding.prefix)
        let window =
            switch facts.window {
            case .second: "second"
            case .minute: "minute"
            }
        return FindingText(
            title: "\(count(finding.keyCount, finding)) keys of \(name) expire within the same \(window) (\(percent(facts.share)) of its expiring keys)",
            details: [
                "expiring keys in prefix: \(count(facts.expiringKeys, finding))",
                "busiest second: \(count(facts.peakPerSecond, finding)) keys" + (facts.secondsUntilPeak.map { ", in \(duration($0))" } ?? ""),
                "busiest minute: \(count(facts.peakPerMinute, finding)) keys",
                "TTL left: median \(duration(facts.medianRemaining))",
            ],
            suggestion: "TTL set without jitter: add ±10–20% random jitter to the TTL where \(name) keys are written, "
                + "so they do not all miss at once (or refresh early, stale-while-revalidate).")
    }

    static func oversizedKeys(_ facts: FindingFacts.OversizedKeys, _ finding: DoctorFinding) -> FindingText {
        let largest = facts.largest.first.map { bytes($0.memory) } ?? "?"
        let title =
            if finding.keyCount == 1, let only = facts.largest.first {
                "a \(only.type) of \(largest): \(key(only.key))"
            } else {
                "\(count(finding.keyCount, finding)) keys of \(bytes(facts.threshold)) or more, the largest \(largest)"
            }
        return FindingText(
            title: title,
            details: facts.largest.map { "\($0.type) \(bytes($0.memory))  \(key($0.key))" }
                + ["largest by type: " + facts.largestByType.map { "\($0.type) \(bytes($0.memory))" }.joined(separator: ", ")],
            suggestion: "Large values block the server while read, written, expired or deleted, and cost network on every hit: "
                + "cache a smaller projection, split the value, or compress it; delete with UNLINK.")
    }

    static func oversizedPrefix(_ facts: FindingFacts.OversizedPrefix, _ finding: DoctorFinding) -> FindingText {
        FindingText(
            title: "\(prefix(finding.prefix)) entries average \(bytes(facts.averageMemory)) (\(count(finding.keyCount, finding)) keys, \(bytes(finding.memory, finding)))",
            details: ["largest: \(key(facts.largestKey)) \(bytes(facts.largestMemory))"],
            suggestion: "Whole rows cached where a summary would do: cache only the fields the readers use.")
    }

    static func secrets(_ facts: FindingFacts.Secrets, _ finding: DoctorFinding) -> FindingText {
        let fields = finding.fieldNames
        let sources = facts.sources.map { source in
            switch source {
            case .hashFields: "hash fields"
            case .jsonFields: "JSON fields"
            case .keyName: "key name"
            }
        }
        return FindingText(
            title: "\(prefix(finding.prefix)): \(finding.keyCount) of \(facts.sampledKeys) sampled keys hold "
                + fields.prefix(4).joined(separator: ", ") + (fields.count > 4 ? ", …" : ""),
            details: [
                "found in: \(sources.sorted().joined(separator: ", "))", "fields: \(fields.joined(separator: ", "))",
                "sampled \(facts.sampledKeys) keys of the prefix; values were not read into the report",
            ],
            suggestion: "Whole rows with secrets cached: cache a projection without credential fields "
                + "(anyone with cache access reads them, and they outlive rotation).")
    }

    static func staleLock(_ facts: FindingFacts.StaleLock) -> FindingText {
        let reasons = facts.reasons.map { reason in
            switch reason {
            case .noTTL: "no TTL"
            case .longTTL(let seconds): "TTL \(duration(seconds)) left"
            case .idle(let seconds): "idle \(duration(seconds))"
            }
        }
        let ttl =
            switch facts.ttl {
            case .unknown: "unknown"
            case .none: "none"
            case .left(let seconds): duration(seconds)
            }
        return FindingText(
            title: "lock \(key(facts.key)): \(reasons.joined(separator: ", "))",
            details: ["type: \(facts.type)", "TTL: \(ttl)", "idle: \(facts.idleSeconds.map(duration) ?? "not sampled")"]
                + (facts.notListed > 0 ? ["\(facts.notListed) more suspicious locks not listed"] : []),
            suggestion: "Take locks with SET key token NX PX <a few seconds> and release them with a compare-and-delete; "
                + "if no holder is alive, delete this one.")
    }

    static func hotKeys(_ facts: FindingFacts.HotKeys) -> FindingText {
        let top = facts.keys.first.map { key($0.key) } ?? "?"
        let policy = facts.policy ?? "?"
        let suggestion =
            "A hot key concentrates load on one node: cache it client-side (client tracking), "
            + "or replicate it under several names and read one at random."
        switch facts.measure {
        case .lfuCounter(let median):
            return FindingText(
                title: "hottest key \(top) (LFU counter \(facts.keys.first?.count ?? 0), median \(median))",
                details: facts.keys.map { "\($0.count)  \(key($0.key))" }
                    + ["OBJECT FREQ over \(facts.sampledKeys) sampled keys under \(policy)"],
                suggestion: suggestion)
        case .recentUse(let rounds):
            return FindingText(
                title: "hot key \(top): used within the second in each of \(rounds) probes"
                    + (facts.keys.count > 1 ? " (and \(facts.keys.count - 1) more)" : ""),
                details: facts.keys.map { "\($0.count)/\(rounds)  \(key($0.key))" }
                    + [
                        "OBJECT IDLETIME over \(facts.sampledKeys) sampled keys, \(rounds) rounds one second apart "
                            + "(\(facts.sampledKeys * rounds) read commands); the policy \(policy) keeps no use counters"
                    ],
                suggestion: suggestion)
        }
    }

    static func evictionPressure(_ facts: FindingFacts.EvictionPressure, _ finding: DoctorFinding) -> FindingText {
        let context = facts.context
        let policy = facts.policy
        let memoryLine =
            context.memoryShare.map {
                "used memory: \(bytes(context.usedMemory ?? 0)) of maxmemory \(bytes(context.maxMemory ?? 0)) (\(percent($0)))"
            } ?? "used memory: \(context.usedMemory.map(bytes) ?? "unknown"), maxmemory: \(context.maxMemory == 0 ? "no limit" : "unknown")"
        let share = percent(context.memoryShare ?? 0)
        switch facts.problem {
        case .volatileWithoutTTL(let withoutTTL, let keys):
            return FindingText(
                title: "\(policy) but \(percent(withoutTTL)) of keys have no TTL: \(withoutTTL >= 0.99 ? "nothing" : "little") can be evicted",
                details: ["keys without TTL: \(count(finding.keyCount, finding)) of \(count(keys, finding)), \(bytes(finding.memory, finding))", memoryLine],
                suggestion: "Under \(policy) only keys with a TTL are evicted: give cache keys TTLs (see the missing-TTL findings) "
                    + "or switch to allkeys-lru / allkeys-lfu if every key is a cache entry.")
        case .noEvictionNearLimit:
            return FindingText(
                title: "noeviction at \(share) of maxmemory: writes will fail with OOM",
                details: [memoryLine],
                suggestion: "A cache should evict: set maxmemory-policy to allkeys-lru or allkeys-lfu, or raise maxmemory.")
        case .allKeysEvicting:
            return FindingText(
                title: "\(policy) at \(share) of maxmemory: the cache is evicting",
                details: [memoryLine],
                suggestion: "Evictions are expected at the limit; watch the hit rate, and the evicted_keys rate on the Overview.")
        }
    }

    static func expiringFieldsInPersistentHash(_ facts: FindingFacts.ExpiringFieldsInPersistentHash) -> FindingText {
        FindingText(
            title: "\(facts.persistentHashes) of \(facts.sampledHashes) sampled hashes have expiring fields but never expire themselves",
            details: ["expiring fields in them: \(facts.expiringFields) of \(facts.sampledFields) sampled"],
            suggestion: "The fields without a TTL in these hashes are never evicted by expiry: give the hash a TTL (at least its fields' longest), or give every field one.")
    }

    static func fieldExpiryWave(_ facts: FindingFacts.FieldExpiryWave) -> FindingText {
        FindingText(
            title: "\(facts.peakPerSecond) hash fields expire within the same second (\(percent(facts.share)) of the sampled expiring fields)",
            details: ["expiring fields sampled: \(facts.expiringFields)", "busiest second: in \(duration(facts.secondsUntilPeak))"],
            suggestion: "Field TTLs set without jitter: add ±10–20% random jitter to HEXPIRE where these fields are written, so they do not all miss at once.")
    }
}
