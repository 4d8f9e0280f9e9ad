// What changed between two snapshots or two moments: rows in printing order, and JSON for scripts.
import Foundation

/// The result of `cachescope diff`: the two sides named, the rows that changed (each section's
/// biggest changes first) and notes on what could not be compared.
public struct DiffReport: Sendable, Codable, Equatable {
    /// The side before: a file name, or a file and its moment.
    public var before: String
    /// The side after.
    public var after: String
    /// Seconds from before to after, when both sides say when they were taken.
    public var seconds: Double?
    public var rows: [DiffRow]
    /// What the reader should know: what a side lacked, estimates, nodes compared.
    public var notes: [String]

    /// A report with its rows put in order (see ``ordered(_:)``).
    public init(before: String, after: String, seconds: Double? = nil, rows: [DiffRow], notes: [String] = []) {
        self.before = before
        self.after = after
        self.seconds = seconds
        self.rows = Self.ordered(rows)
        self.notes = notes
    }

    /// Section by section; inside one, changes beyond the uncertainty before those within it,
    /// then the biggest first; rows without a figure (settings, events) keep the order they came in.
    public static func ordered(_ rows: [DiffRow]) -> [DiffRow] {
        rows.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if a.section != b.section { return a.section < b.section }
            let (noiseA, noiseB) = (a.withinUncertainty == true, b.withinUncertainty == true)
            if noiseA != noiseB { return noiseB }
            switch (a.delta, b.delta) {
            case (let da?, let db?) where abs(da) != abs(db): return abs(da) > abs(db)
            case (.some, nil): return true
            case (nil, .some): return false
            default: return x.offset < y.offset
            }
        }.map(\.element)
    }

    /// The rows of one section.
    public func rows(in section: DiffSection) -> [DiffRow] { rows.filter { $0.section == section } }

    /// Pretty-printed JSON with stable key order: `before`, `after`, `seconds`, `rows` (each with
    /// `section`, `node`, `name`, `before`, `after`, `change`, `delta`, `beforeValue`, `afterValue`, `withinUncertainty`,
    /// `note`; missing ones left out) and `notes`.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? String(data: encoder.encode(self), encoding: .utf8)) ?? "{}"
    }
}
