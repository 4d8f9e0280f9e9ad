import RedisClient

extension MutationService {
    /// The batch step both TTL-giving bulk changes share: each key of `keys` that has no TTL gets
    /// one of `seconds` ± `jitter` (`EXPIRE … NX` on Redis 7; a `PTTL` check first before that).
    /// - Parameter done: what was already changed, for the error if the batch fails.
    /// - Returns: the keys that were given a TTL.
    func expireKeysWithoutTTL(
        _ keys: [[UInt8]], seconds: Int64, jitter: Double, nx: Bool,
        done: @autoclosure () -> String
    ) async throws -> [[UInt8]] {
        var targets = keys
        if !nx {
            let ttls = try await exchange(targets.map { RedisCommand("PTTL", $0) }, command: "PTTL", done: done())
            targets = try zip(targets, ttls).filter { try integer($0.1, "PTTL") == -1 }.map(\.0)
        }
        let commands = targets.map { key -> RedisCommand in
            let ttl = TTLJitter.seconds(seconds, jitter: jitter)
            return nx ? RedisCommand("EXPIRE", key, ttl, "NX") : RedisCommand("EXPIRE", key, ttl)
        }
        let replies = try await exchange(commands, command: "EXPIRE", done: done())
        var changed: [[UInt8]] = []
        for (key, reply) in zip(targets, replies) where try integer(reply, "EXPIRE") == 1 {
            changed.append(key)
        }
        return changed
    }
}
