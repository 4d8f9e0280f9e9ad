/// How gently the scanner treats the server: `SCAN COUNT` bounds, the latency that makes it back
/// off, and a ceiling on commands per second.
public struct ScanLoadPolicy: Sendable, Hashable {
    /// `SCAN … COUNT` to start with and never exceed.
    public var maxCount: Int
    /// `COUNT` never goes below this when backing off.
    public var minCount: Int
    /// Back off when the median round trip exceeds this multiple of the baseline (the fastest
    /// round trip seen)…
    public var baselineMultiplier: Double
    /// …but only once it is above this many seconds (sub-millisecond jitter on loopback is noise).
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
    /// Look keys up with one read-only Lua script per chunk when the server allows scripting
    /// (several times faster at a million keys); plain pipelined commands otherwise.
    public var useLookupScript: Bool
    /// Keys per script call: bounds the server time of one `EVAL` (about 1 µs a key).
    public var scriptChunkSize: Int

    /// - Parameters: see the properties. Defaults: COUNT 1000 (down to 10), back off above 2× the
    ///   baseline once past 1 ms or above 4 ms in any case, at most 100k commands/s, 3 lookups in
    ///   flight, `SAMPLES 5`, lookups by script in chunks of 100 keys when allowed.
    public init(
        maxCount: Int = 1000, minCount: Int = 10, baselineMultiplier: Double = 2,
        significantLatency: Double = 0.001, absoluteLatencyLimit: Double = 0.004,
        maxCommandsPerSecond: Double? = 100_000, maxLookupsInFlight: Int = 3, memorySamples: Int = 5,
        useLookupScript: Bool = true, scriptChunkSize: Int = 100
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
    }

    public static let `default` = ScanLoadPolicy()
}
