/// How gently the scanner treats the server: `SCAN COUNT` bounds, the latency that makes it back
/// off, and a ceiling on commands per second.
public struct ScanLoadPolicy: Sendable, Hashable {
    /// `SCAN … COUNT` to start with and never exceed.
    public var maxCount: Int
    /// `COUNT` never goes below this when backing off.
    public var minCount: Int
    /// Back off when the median SCAN round trip exceeds this multiple of the baseline (the fastest
    /// SCAN round trip seen, which includes the SCAN's own server time and the queueing behind the
    /// scan's own lookups, so neither is mistaken for a struggling server)…
    public var baselineMultiplier: Double
    /// …but only once it is above this many seconds. A SCAN of 1000 keys itself takes about a
    /// millisecond, and a busy client (our own decoding of lookup replies on a loaded machine)
    /// adds a few more; below this the round trip says more about us than about the server.
    public var significantLatency: Double
    /// Back off whenever the median round trip exceeds this many seconds, whatever the baseline.
    public var absoluteLatencyLimit: Double
    /// Ceiling on commands per second sent by the scan (SCAN plus the TYPE/PTTL/MEMORY USAGE
    /// lookups); nil for none.
    public var maxCommandsPerSecond: Double?
    /// How many lookup pipelines may be in flight while the next SCAN runs.
    public var maxLookupsInFlight: Int
    /// `MEMORY USAGE … SAMPLES n` for aggregate types (bounded work per key).
    public var memorySamples: Int
    /// Look keys up with one read-only Lua script per chunk when the server allows scripting,
    /// instead of pipelined `TYPE`/`PTTL`/`MEMORY USAGE`. Off by default: the script costs the
    /// server about twice the CPU a key (each `redis.call` is dearer than a pipelined command) and
    /// holds every other client for the whole chunk, where plain commands interleave with them.
    /// It saves client CPU only.
    public var useLookupScript: Bool
    /// Keys per script call: bounds the server time of one `EVAL` (about 1 µs a key).
    public var scriptChunkSize: Int
    /// The memory the keyspace index (and the views built from it) may take, bytes
    /// (`index_budget_mb`). Past it the index keeps a uniform sample of the keys and its figures
    /// become estimates with intervals (see ``KeyspaceView/sampleRate``).
    public var indexBudgetBytes: Int
    /// Up to this many keys (`DBSIZE`) every key is looked up (`TYPE`, `PTTL`, `MEMORY USAGE`);
    /// beyond, a uniform sample of about this many is, and the rest are only counted: the walk
    /// then goes at the speed of `SCAN`, and memory and TTL figures are estimates.
    public var exactLookupLimit: Int
    /// Most prefixes the walk's per-prefix counters hold (``PrefixCounter``): every key name the
    /// walk returns is counted into its prefixes to ``prefixCounterDepth``, the smallest folded
    /// into an `other` total when more would not fit.
    public var prefixCounterCapacity: Int
    /// Prefix levels the counters count (`user:` is 1, `user:profile:` 2).
    public var prefixCounterDepth: Int

    /// - Parameters: see the properties. Defaults: COUNT 1000 (down to 10), back off above 3× the
    ///   baseline once past 10 ms or above 25 ms in any case, at most 100k commands/s, 3 lookups in
    ///   flight, `SAMPLES 5`, plain pipelined lookups (script chunks of 100 keys when asked), an
    ///   index budget of 112 MiB, every key looked up up to 1M keys, 4096 prefixes counted to depth 2.
    public init(
        maxCount: Int = 1000, minCount: Int = 10, baselineMultiplier: Double = 3,
        significantLatency: Double = 0.010, absoluteLatencyLimit: Double = 0.025,
        maxCommandsPerSecond: Double? = 100_000, maxLookupsInFlight: Int = 3, memorySamples: Int = 5,
        useLookupScript: Bool = false, scriptChunkSize: Int = 100, indexBudgetBytes: Int = 112 << 20,
        exactLookupLimit: Int = 1_000_000, prefixCounterCapacity: Int = 4096, prefixCounterDepth: Int = 2
    ) {
        self.maxCount = maxCount
        self.minCount = minCount
        self.baselineMultiplier = baselineMultiplier
        self.significantLatency = significantLatency
        self.absoluteLatencyLimit = absoluteLatencyLimit
        self.maxCommandsPerSecond = maxCommandsPerSecond
        self.maxLookupsInFlight = maxLookupsInFlight
        self.memorySamples = memorySamples
        self.useLookupScript = useLookupScript
        self.scriptChunkSize = scriptChunkSize
        self.indexBudgetBytes = indexBudgetBytes
        self.exactLookupLimit = exactLookupLimit
        self.prefixCounterCapacity = prefixCounterCapacity
        self.prefixCounterDepth = prefixCounterDepth
    }

    public static let `default` = ScanLoadPolicy()
}
