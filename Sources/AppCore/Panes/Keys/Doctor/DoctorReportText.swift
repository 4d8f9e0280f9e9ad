import Foundation
import Inspector

/// A doctor report as text for a terminal or an incident note, and as JSON for scripts
/// (`snapshot --doctor`, the `:dump` figures), worded by ``DoctorWording``.
public enum DoctorReportText {
    /// The report as text.
    public static func text(_ report: DoctorReport) -> String {
        let coverage = DoctorWording.coverage(report).map { " (\($0))" } ?? ""
        var lines = [
            "cachescope doctor \(report.node) \(AuditEntry.iso8601(report.takenAt))",
            "\(DoctorWording.keys(report.indexedKeys, report)) keys analysed\(coverage), \(DoctorWording.keys(report.keysWithoutTTL, report)) without TTL, "
                + "\(report.isEstimated ? "~" : "")\(Formatting.bytes(Double(report.memory)))",
            "",
        ]
        if report.findings.isEmpty {
            lines.append("no findings")
        }
        for finding in report.findings {
            let text = DoctorWording.text(finding)
            lines.append("[\(finding.severity)] \(finding.kind.rawValue): \(text.title)")
            for detail in text.details { lines.append("    \(detail)") }
            if !finding.exampleKeys.isEmpty {
                lines.append("    e.g. " + finding.exampleKeys.map { AuditEntry.escape($0) }.joined(separator: ", "))
            }
            lines.append("    fix: \(text.suggestion)")
            if let fix = finding.fix { lines.append("    cachescope can: \(DoctorWording.fix(fix))") }
        }
        if !report.notes.isEmpty {
            lines.append("")
            for note in report.notes { lines.append("note: \(DoctorWording.note(note))") }
        }
        lines.append("")
        lines.append(
            String(
                format: "analysis %.3f s, sampling %.3f s (%d commands)", report.analysisSeconds, report.samplingSeconds,
                report.commandsSent))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as pretty-printed JSON with stable key order. Keys are escaped as in the audit
    /// log (`\xNN` for bytes outside printable ASCII).
    public static func json(_ report: DoctorReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? String(data: encoder.encode(JSONForm(report)), encoding: .utf8)) ?? "{}"
    }

    struct JSONForm: Encodable {
        struct Finding: Encodable {
            var kind: String
            var severity: String
            var title: String
            var prefix: String?
            var keyCount: Int
            var memory: UInt64
            /// keyCount and memory are weighed up from a sample.
            var estimated: Bool
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
        /// The chance each key had of being analysed; below 1 the counts are estimates.
        var sampleShare: Double
        var estimated: Bool
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
            sampleShare = report.sampleShare
            estimated = report.isEstimated
            indexedKeys = report.indexedKeys
            expectedKeys = report.expectedKeys
            keysWithoutTTL = report.keysWithoutTTL
            memory = report.memory
            notes = report.notes.map(DoctorWording.note)
            prefixes = report.prefixes.map { p in
                Prefix(
                    prefix: AuditEntry.escape(p.prefix), keys: p.keyCount, withoutTTL: p.persistentCount, memory: p.memory,
                    averageMemory: p.averageMemory,
                    remainingTTL: p.histogram.total > 0 ? Histogram(binSeconds: p.histogram.binSeconds, counts: p.histogram.counts) : nil)
            }
            analysisSeconds = report.analysisSeconds
            samplingSeconds = report.samplingSeconds
            commandsSent = report.commandsSent
            findings = report.findings.map { f in
                let text = DoctorWording.text(f)
                return Finding(
                    kind: f.kind.rawValue, severity: f.severity.description, title: text.title,
                    prefix: f.prefix.map { AuditEntry.escape($0) }, keyCount: f.keyCount, memory: f.memory, estimated: f.estimated,
                    exampleKeys: f.exampleKeys.map { AuditEntry.escape($0) }, details: text.details, fieldNames: f.fieldNames,
                    histogram: f.histogram.map { Histogram(binSeconds: $0.binSeconds, counts: $0.counts) },
                    suggestion: text.suggestion, fix: f.fix.map(DoctorWording.fix))
            }
        }
    }
}
