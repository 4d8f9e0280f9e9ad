/// Secrets in the cache: credential-like hash fields, JSON fields or key names found by the
/// bounded sampler, one finding per prefix. The finding names the fields and the keys, never a
/// value (the sampler never stored one).
public enum SecretDetector {
    public static func findings(_ samples: [SecretSample]) -> [DoctorFinding] {
        samples.compactMap { sample in
            guard !sample.hits.isEmpty else { return nil }
            var fields: [String] = []
            for hit in sample.hits {
                for field in hit.fields {
                    let name = AuditEntry.escape(field)
                    if !fields.contains(name) { fields.append(name) }
                }
            }
            let sources = SecretSample.Source.allCases.filter { source in sample.hits.contains { $0.source == source } }
            return DoctorFinding(
                .secrets(FindingFacts.Secrets(sampledKeys: sample.sampled, sources: sources)),
                severity: .warning,
                prefix: sample.prefix,
                keyCount: sample.hits.count,
                exampleKeys: sample.hits.map(\.key),
                fieldNames: fields)
        }
    }
}
