import RESP
import RedisClient

/// The doctor's survey of hash field TTLs: on a server that has them (one `COMMAND INFO`), a
/// sample of the index's hashes spread evenly over it, surveyed by ``FieldTTLSurvey`` in paced
/// chunks. On older servers it costs the one `COMMAND INFO` and finds nothing.
extension CacheDoctor {
    /// - Returns: the survey, or nil when the server has no field TTLs or the index no hashes.
    /// - Throws: `KeyspaceError`, `RedisError`, `CancellationError`.
    func surveyFieldTTLs(_ view: KeyspaceView, _ pacer: inout DoctorPacer) async throws -> FieldTTLSurvey? {
        let reply = try await pacer.send([ServerFeatures.command])
        guard let features = reply.first.flatMap(ServerFeatures.parse), features.hashFieldTTLs else { return nil }
        let keys = Self.hashSample(view, limit: thresholds.fieldTTLHashSample)
        guard !keys.isEmpty else { return nil }
        // Three commands a hash (PTTL, HSCAN, HPEXPIRETIME): chunks that fit one pacer batch.
        let chunkSize = max(1, pacer.batchSize / 3)
        var hashes: [FieldTTLSurvey.Hash] = []
        var start = 0
        while start < keys.count {
            let chunk = Array(keys[start..<min(start + chunkSize, keys.count)])
            try await pacer.reserve(chunk.count * 3)
            hashes += try await FieldTTLSurvey.sample(connection, hashes: chunk, fieldsPerHash: thresholds.fieldTTLFieldsPerHash).hashes
            start += chunkSize
        }
        return FieldTTLSurvey(hashes: hashes)
    }

    /// Up to `limit` hash keys of `view`, taken at even steps through it so every prefix has its share.
    static func hashSample(_ view: KeyspaceView, limit: Int) -> [[UInt8]] {
        var hashes: [KeyID] = []
        for position in 0..<view.count {
            let id = view.id(at: position)
            if view.index.type(id) == .hash { hashes.append(id) }
        }
        guard hashes.count > limit, limit > 0 else { return hashes.map { view.index.key($0) } }
        let step = Double(hashes.count) / Double(limit)
        return (0..<limit).map { view.index.key(hashes[Int(Double($0) * step)]) }
    }
}
