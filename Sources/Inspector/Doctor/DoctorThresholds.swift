/// The tunables of the cache doctor: when a pattern counts as a finding, and how much sampling
/// it may do. The defaults are what every run of the doctor uses unless told otherwise.
public struct DoctorThresholds: Sendable, Hashable {
    // Missing TTL
    /// A prefix needs this many keys before its TTL-less keys are judged.
    public var missingTTLMinimumKeys = 20
    /// ... and at least this share of them must have a TTL ("most keys expire").
    public var missingTTLExpiringShare = 0.5
    /// TTL-less memory above this makes the finding critical.
    public var missingTTLCriticalMemory: UInt64 = 64 << 20

    // Expiry waves
    /// A wave: at least this many keys ...
    public var waveMinimumKeys = 50
    /// ... and this share of the prefix's expiring keys, expire within one second.
    public var waveSecondShare = 0.2
    /// For long TTLs (median remaining ≥ `waveMinuteMinimumTTL` s), this share within one minute.
    public var waveMinuteShare = 0.5
    /// The median remaining TTL, in seconds, from which a one-minute window counts as a wave.
    public var waveMinuteMinimumTTL: Int64 = 3600

    // Oversized
    /// A single key at least this large is oversized.
    public var oversizedKeyBytes: UInt64 = 1 << 20
    /// A key this large is critical.
    public var oversizedCriticalBytes: UInt64 = 32 << 20
    /// A prefix whose average entry is at least this large (with `oversizedPrefixMinimumKeys` keys).
    public var oversizedAverageBytes: UInt64 = 256 << 10
    public var oversizedPrefixMinimumKeys = 10
    /// How many of the largest keys the report lists.
    public var largestKeysListed = 10

    // Locks
    /// A lock whose remaining TTL exceeds this (seconds) is suspicious.
    public var lockMaximumTTL: Int64 = 300
    /// A lock idle (`OBJECT IDLETIME`) at least this long (seconds) is stale.
    public var lockMaximumIdle: Int64 = 300
    /// The most lock findings listed one by one.
    public var lockFindingsListed = 20

    // Sampling (network): bounded and paced.
    /// Keys sampled per prefix for secrets.
    public var secretKeysPerPrefix = 20
    /// Keys sampled in all for secrets.
    public var secretKeysTotal = 500
    /// Field names read per hash (`HRANDFIELD` count / `HSCAN` COUNT).
    public var secretFieldsPerHash = 64
    /// Bytes of a string read to look for JSON field names (`GETRANGE 0 n-1`).
    public var secretStringBytes = 4096
    /// Hashes surveyed for field TTLs where the server has them (``FieldTTLSurvey``).
    public var fieldTTLHashSample = 200
    /// Fields of each surveyed hash whose TTLs are read.
    public var fieldTTLFieldsPerHash = 100
    /// Locks looked up with `OBJECT IDLETIME`.
    public var lockIdleSample = 50
    /// Keys asked `OBJECT FREQ` under an LFU policy (`OBJECT IDLETIME` by the recent-use probe).
    public var hotKeySample = 2000
    /// Hot keys listed.
    public var hotKeysListed = 10
    /// An LFU counter at least this high (and above twice the median) makes a key hot.
    public var hotKeyMinimumFrequency = 10
    /// Commands per second the sampling may send (a token bucket).
    public var commandsPerSecond: Double = 10_000
    /// Commands per pipeline.
    public var batchSize = 50

    // Eviction
    /// Under a `volatile-*` policy, this share of keys without TTL means little can be evicted.
    public var volatileTTLlessShare = 0.5
    /// Used memory at this share of `maxmemory` counts as near the limit.
    public var memoryWarningShare = 0.8
    public var memoryCriticalShare = 0.95

    /// Rounds of `OBJECT IDLETIME` over the hot-key sample when the policy is not LFU and the
    /// user asked for the probe, and the seconds between rounds.
    public var recentUseRounds = 3
    public var recentUseInterval = 1.0

    /// The recent-use probe these thresholds run, with its cost.
    public var recentUse: RecentUseProbe {
        RecentUseProbe(rounds: recentUseRounds, interval: recentUseInterval, sampledKeys: hotKeySample)
    }

    public init() {}

    /// The defaults.
    public static let `default` = DoctorThresholds()
}
