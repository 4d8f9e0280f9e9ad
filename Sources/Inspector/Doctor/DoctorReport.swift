import Foundation

/// What the cache doctor found on one node: the findings, most severe first, with notes on what
/// it could not check and how much it looked at. Rendered by the Doctor view, and as text or
/// JSON by `cachescope snapshot --doctor`.
public struct DoctorReport: Sendable, Hashable {
    /// The node, e.g. `127.0.0.1:6379`.
    public var node: String
    /// Findings sorted by severity (critical first), then kind, then key count.
    public var findings: [DoctorFinding]
    /// What could not be checked, or how (e.g. hot keys without an LFU policy).
    public var notes: [String]
    /// Keys the index held when the doctor ran, and how many the node reported (`DBSIZE`; 0 unknown).
    public var indexedKeys: Int
    public var expectedKeys: Int
    /// False while the index was still being built: the findings cover `indexedKeys` only.
    public var complete: Bool
    /// Totals of the analysed keys.
    public var keysWithoutTTL: Int
    public var memory: UInt64
    /// The prefixes with the largest average entry (for the view).
    public var largestAverages: [PrefixProfile]
    /// The largest prefixes by key count (at most ``DoctorReport/prefixesListed``), each with its
    /// TTL-less count, memory and remaining-TTL histogram, findings or not.
    public var prefixes: [PrefixProfile] = []
    /// How many prefixes the report keeps.
    public static let prefixesListed = 50
    /// The largest key of each type.
    public var largestByType: [KeyEntry]
    /// Seconds spent in the one-pass analysis, and in the paced network sampling.
    public var analysisSeconds: Double
    public var samplingSeconds: Double
    /// Commands the sampling sent.
    public var commandsSent: Int
    /// When the report was made.
    public var takenAt: Date

    public init(node: String, findings: [DoctorFinding], notes: [String] = [], indexedKeys: Int, expectedKeys: Int = 0,
                complete: Bool = true, keysWithoutTTL: Int = 0, memory: UInt64 = 0, largestAverages: [PrefixProfile] = [],
                largestByType: [KeyEntry] = [], analysisSeconds: Double = 0, samplingSeconds: Double = 0, commandsSent: Int = 0,
                takenAt: Date = Date()) {
        self.node = node
        self.findings = Self.sorted(findings)
        self.notes = notes
        self.indexedKeys = indexedKeys
        self.expectedKeys = expectedKeys
        self.complete = complete
        self.keysWithoutTTL = keysWithoutTTL
        self.memory = memory
        self.largestAverages = largestAverages
        self.largestByType = largestByType
        self.analysisSeconds = analysisSeconds
        self.samplingSeconds = samplingSeconds
        self.commandsSent = commandsSent
        self.takenAt = takenAt
    }

    /// Most severe first; within a severity in detector order, larger key counts first.
    static func sorted(_ findings: [DoctorFinding]) -> [DoctorFinding] {
        let order = Dictionary(uniqueKeysWithValues: FindingKind.allCases.enumerated().map { ($1, $0) })
        return findings.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let ka = order[a.element.kind] ?? 0, kb = order[b.element.kind] ?? 0
            if ka != kb { return ka < kb }
            if a.element.keyCount != b.element.keyCount { return a.element.keyCount > b.element.keyCount }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// `partial: 1200 of 5000 keys indexed` while incomplete, nil once complete.
    public var coverageNote: String? {
        guard !complete else { return nil }
        return "partial: \(indexedKeys) of \(expectedKeys > 0 ? String(expectedKeys) : "?") keys indexed"
    }

    /// How many findings of each severity.
    public func count(_ severity: FindingSeverity) -> Int { findings.filter { $0.severity == severity }.count }

    // MARK: text

    /// The report as text for a terminal or an incident note.
    public func text() -> String {
        var lines = ["cachescope doctor \(node) \(AuditEntry.iso8601(takenAt))",
                     "\(indexedKeys) keys analysed\(coverageNote.map { " (\($0))" } ?? ""), \(keysWithoutTTL) without TTL, \(Formatting.bytes(Double(memory)))",
                     ""]
        if findings.isEmpty {
            lines.append("no findings")
        }
        for finding in findings {
            lines.append("[\(finding.severity)] \(finding.kind.rawValue): \(finding.title)")
            for detail in finding.details { lines.append("    \(detail)") }
            if !finding.exampleKeys.isEmpty {
                lines.append("    e.g. " + finding.exampleKeys.map { AuditEntry.escape($0) }.joined(separator: ", "))
            }
            lines.append("    fix: \(finding.suggestion)")
            if let fix = finding.fix { lines.append("    cachescope can: \(fix.summary)") }
        }
        if !notes.isEmpty {
            lines.append("")
            for note in notes { lines.append("note: \(note)") }
        }
        lines.append("")
        lines.append(String(format: "analysis %.3f s, sampling %.3f s (%d commands)", analysisSeconds, samplingSeconds, commandsSent))
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// The report as pretty-printed JSON with stable key order. Keys are escaped as in the audit
    /// log (`\xNN` for bytes outside printable ASCII).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? String(data: encoder.encode(JSONForm(self)), encoding: .utf8)) ?? "{}"
    }

    struct JSONForm: Encodable {
        struct Finding: Encodable {
            var kind: String
            var severity: String
            var title: String
            var prefix: String?
            var keyCount: Int
            var memory: UInt64
            var exampleKeys: [String]
            var details: [String]
            var fieldNames: [String]
            var histogram: Histogram?
            var suggestion: String
            var fix: String?
        }
        struct Histogram: Encodable {
            var binSeconds: Int64
            var counts: [Int]
        }
        struct Prefix: Encodable {
            var prefix: String
            var keys: Int
            var withoutTTL: Int
            var memory: UInt64
            var averageMemory: UInt64
            var remainingTTL: Histogram?
        }
        var node: String
        var takenAt: String
        var complete: Bool
        var indexedKeys: Int
        var expectedKeys: Int
        var keysWithoutTTL: Int
        var memory: UInt64
        var findings: [Finding]
        var prefixes: [Prefix]
        var notes: [String]
        var analysisSeconds: Double
        var samplingSeconds: Double
        var commandsSent: Int

        init(_ report: DoctorReport) {
            node = report.node
            takenAt = AuditEntry.iso8601(report.takenAt)
            complete = report.complete
            indexedKeys = report.indexedKeys
            expectedKeys = report.expectedKeys
            keysWithoutTTL = report.keysWithoutTTL
            memory = report.memory
            notes = report.notes
            prefixes = report.prefixes.map { p in
                Prefix(prefix: AuditEntry.escape(p.prefix), keys: p.keyCount, withoutTTL: p.persistentCount, memory: p.memory,
                       averageMemory: p.averageMemory,
                       remainingTTL: p.histogram.total > 0 ? Histogram(binSeconds: p.histogram.binSeconds, counts: p.histogram.counts) : nil)
            }
            analysisSeconds = report.analysisSeconds
            samplingSeconds = report.samplingSeconds
            commandsSent = report.commandsSent
            findings = report.findings.map { f in
                Finding(kind: f.kind.rawValue, severity: f.severity.description, title: f.title,
                        prefix: f.prefix.map { AuditEntry.escape($0) }, keyCount: f.keyCount, memory: f.memory,
                        exampleKeys: f.exampleKeys.map { AuditEntry.escape($0) }, details: f.details, fieldNames: f.fieldNames,
                        histogram: f.histogram.map { Histogram(binSeconds: $0.binSeconds, counts: $0.counts) },
                        suggestion: f.suggestion, fix: f.fix?.summary)
            }
        }
    }
}
