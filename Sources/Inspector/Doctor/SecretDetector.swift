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
            let name = DoctorText.prefix(sample.prefix)
            let sources = Set(sample.hits.map(\.source)).sorted().joined(separator: ", ")
            return DoctorFinding(
                kind: .secrets,
                severity: .warning,
                title: "\(name): \(sample.hits.count) of \(sample.sampled) sampled keys hold \(fields.prefix(4).joined(separator: ", "))\(fields.count > 4 ? ", …" : "")",
                prefix: sample.prefix,
                keyCount: sample.hits.count,
                exampleKeys: sample.hits.map(\.key),
                details: ["found in: \(sources)", "fields: \(fields.joined(separator: ", "))",
                          "sampled \(sample.sampled) keys of the prefix; values were not read into the report"],
                fieldNames: fields,
                suggestion: "Whole rows with secrets cached: cache a projection without credential fields (anyone with cache access reads them, and they outlive rotation).")
        }
    }
}
