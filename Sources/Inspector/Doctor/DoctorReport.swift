import Foundation

/// What the cache doctor found on one node: the findings, most severe first, with notes on what
/// it could not check and how much it looked at. Facts only: the app layer words them (its
/// Doctor view, and the report's text and JSON forms).
public struct DoctorReport: Sendable, Hashable {
    /// The node, e.g. `127.0.0.1:6379`.
    public var node: String
    /// Findings sorted by severity (critical first), then kind, then key count.
    public var findings: [DoctorFinding]
    /// What could not be checked, or how (e.g. hot keys without an LFU policy).
    public var notes: [DoctorNote]
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
    /// The chance each key of the keyspace had of being analysed: the walked share × the index's
    /// sample rate. Below 1 the counts and memory are weighed-up estimates (see ``DoctorAnalysis/weigh(by:)``).
    public var sampleShare: Double = 1
    /// The share of the analysed keys that were looked up (TTL, memory): below 1 on a keyspace
    /// past ``ScanLoadPolicy/exactLookupLimit``, where the rest are only counted.
    public var lookupShare: Double = 1
    /// Whether the report's counts are estimates.
    public var isEstimated: Bool { sampleShare < 1 || lookupShare < 1 }
    /// When the report was made.
    public var takenAt: Date

    public init(
        node: String, findings: [DoctorFinding], notes: [DoctorNote] = [], indexedKeys: Int, expectedKeys: Int = 0,
        complete: Bool = true, keysWithoutTTL: Int = 0, memory: UInt64 = 0, largestAverages: [PrefixProfile] = [],
        largestByType: [KeyEntry] = [], analysisSeconds: Double = 0, samplingSeconds: Double = 0, commandsSent: Int = 0,
        takenAt: Date = Date()
    ) {
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
            let ka = order[a.element.kind] ?? 0
            let kb = order[b.element.kind] ?? 0
            if ka != kb { return ka < kb }
            if a.element.keyCount != b.element.keyCount { return a.element.keyCount > b.element.keyCount }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// How many findings of each severity.
    public func count(_ severity: FindingSeverity) -> Int { findings.filter { $0.severity == severity }.count }
}
