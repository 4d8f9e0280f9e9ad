// Which keys of a big keyspace the scanner looks up: a uniform sample by hash, about a fixed number in all.

/// Lookups (`TYPE`, `PTTL`, `MEMORY USAGE`: three commands a key) cost the server far more than
/// the walk (one `SCAN` per thousand keys), so on a big keyspace the scanner counts every key it
/// passes but looks up only a uniform sample of them: about ``ScanLoadPolicy/exactLookupLimit``
/// keys in all, chosen by a hash of the key's bytes (salted apart from the index budget's, so the
/// two samples are independent). Up to that many keys every key is looked up, as always.
/// ``KeyspaceView/figures(ofPrefix:visitedFraction:)`` weighs memory and TTL up by the share of
/// each prefix's keys looked up.
struct LookupSample: Sendable {
    /// Keys whose lookup hash is above this are counted but not looked up.
    let threshold: UInt64

    /// Every key looked up.
    static let all = LookupSample(threshold: .max)

    /// The sample for a keyspace of `keys` keys (`DBSIZE`): everything up to `limit` keys, then a
    /// rate of limit / keys.
    init(keys: Int, limit: Int) {
        guard keys > limit, limit > 0 else {
            self.threshold = .max
            return
        }
        self.threshold = UInt64(Double(limit) / Double(keys) * 18_446_744_073_709_551_615.0)
    }

    private init(threshold: UInt64) { self.threshold = threshold }

    /// The share of keys looked up.
    var rate: Double { threshold == .max ? 1 : Double(threshold) / 18_446_744_073_709_551_616.0 }

    /// Whether the key whose bytes are `key` is looked up.
    func admits(_ key: UnsafeRawBufferPointer) -> Bool {
        threshold == .max || Self.hash(key) <= threshold
    }

    /// The index's hash, salted and mixed apart from ``IndexBudget/sampleHash(_:)``.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = KeyIndex.hash(bytes) ^ 0x2545_F491_4F6C_DD1D
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}
