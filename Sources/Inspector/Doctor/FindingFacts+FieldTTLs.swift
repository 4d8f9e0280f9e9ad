// The facts of the hash field TTL findings (Redis 7.4+, Valkey 9).

extension FindingFacts {
    /// Sampled hashes that hold expiring fields but never expire themselves.
    public struct ExpiringFieldsInPersistentHash: Sendable, Hashable {
        /// Hashes sampled, and those found so.
        public var sampledHashes: Int
        public var persistentHashes: Int
        /// Fields with a TTL in those hashes, of the fields sampled in them.
        public var expiringFields: Int
        public var sampledFields: Int

        public init(sampledHashes: Int, persistentHashes: Int, expiringFields: Int, sampledFields: Int) {
            self.sampledHashes = sampledHashes
            self.persistentHashes = persistentHashes
            self.expiringFields = expiringFields
            self.sampledFields = sampledFields
        }
    }

    /// Many sampled hash fields expiring within the same second.
    public struct FieldExpiryWave: Sendable, Hashable {
        /// Fields expiring in the busiest one-second window.
        public var peakPerSecond: Int
        /// That window's share of the sampled expiring fields (0…1).
        public var share: Double
        /// Expiring fields sampled.
        public var expiringFields: Int
        /// Seconds from the sample to the busiest window.
        public var secondsUntilPeak: Int64

        public init(peakPerSecond: Int, share: Double, expiringFields: Int, secondsUntilPeak: Int64) {
            self.peakPerSecond = peakPerSecond
            self.share = share
            self.expiringFields = expiringFields
            self.secondsUntilPeak = secondsUntilPeak
        }
    }
}
