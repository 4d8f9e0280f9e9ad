/// Where a scan stands, for the pane's progress line.
public struct ScanProgress: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        case idle
        case scanning
        case finished
        case cancelled
        /// The scan stopped on an error; the message says what and where.
        case failed(String)
    }

    public var phase: Phase = .idle
    /// Live keys in the index (duplicates from SCAN counted once).
    public var keysIndexed = 0
    /// Keys SCAN returned so far, kept in the index or not (a key returned twice counts twice).
    public var keysPassed = 0
    /// The share of the keys passed that the index keeps: 1 under its memory budget, a uniform
    /// sample past it (``KeyspaceView/sampleRate``).
    public var sampleRate = 1.0
    /// Keys whose TYPE/PTTL/MEMORY USAGE replies have been applied.
    public var keysLookedUp = 0
    /// Keys in the view that are counted but not looked up (a big keyspace: ``lookupRate``).
    public var keysCounted = 0
    /// The share of the keys passed that are looked up: 1 up to
    /// ``ScanLoadPolicy/exactLookupLimit`` keys, a uniform sample beyond.
    public var lookupRate = 1.0
    /// `DBSIZE` when the scan started (the goal; keys come and go meanwhile).
    public var expectedKeys = 0
    /// Seconds since the scan started.
    public var elapsed: Double = 0
    /// Commands sent by this scan so far.
    public var commandsSent = 0
    /// The current `SCAN COUNT`.
    public var scanCount = 0
    /// True while the scanner is backing off because the server is slow.
    public var isThrottled = false
    /// Median SCAN round trip, seconds.
    public var medianRoundTrip: Double?
    /// The share of the keyspace the SCAN cursor has passed, 0…1, read from the cursor itself
    /// (``KeyspaceWalkProgress``): right under expiry, eviction and rehashing, where keys seen /
    /// `DBSIZE` is not. Nil until the first SCAN reply, or when the walk's shape could not be
    /// probed (e.g. `INFO` refused by an ACL); 1 once finished.
    public var visitedFraction: Double?

    public init() {}

    /// The chance each key of the keyspace had of being in the published view: the walked share
    /// (1 once finished; unknown counts as 1, and the view is then only partial) × the index's
    /// sample rate. What the doctor weighs its figures up by.
    public var sampleShare: Double {
        (phase == .finished ? 1 : (visitedFraction ?? 1)) * sampleRate
    }

    /// Keys looked up per second so far.
    public var keysPerSecond: Double { elapsed > 0 ? Double(keysLookedUp) / elapsed : 0 }

    /// Keys looked up against `DBSIZE` (capped at 1; 1 once finished): how much of the work
    /// queued so far is done. The share of the keyspace visited is ``visitedFraction``.
    public var fraction: Double {
        if phase == .finished { return 1 }
        guard expectedKeys > 0 else { return 0 }
        return Swift.min(1, Double(keysLookedUp) / Double(expectedKeys))
    }
}
