/// One problem the cache doctor found: what, how bad, the evidence, and what to do about it.
///
/// Evidence holds key NAMES and field NAMES only (bytes, shown through the UI's sanitiser); the
/// doctor never keeps a value it read.
public struct DoctorFinding: Sendable, Hashable {
    public var kind: FindingKind
    public var severity: FindingSeverity
    /// One line, e.g. `40 keys without TTL in user: (83% of its keys expire)`.
    public var title: String
    /// The prefix concerned (bytes, e.g. `user:`), nil for node-wide findings.
    public var prefix: [UInt8]?
    /// How many keys the finding is about (TTL-less keys, keys in the wave, locks, …).
    public var keyCount: Int
    /// Bytes of `MEMORY USAGE` of those keys (0 when not meaningful).
    public var memory: UInt64
    /// Up to ``DoctorFinding/maximumExamples`` example keys.
    public var exampleKeys: [[UInt8]]
    /// Lines of evidence for the detail view, e.g. `share with TTL: 83%`, `fields: password_hash`.
    public var details: [String]
    /// Field names involved (secrets): names only, never values.
    public var fieldNames: [String]
    /// The remaining-TTL histogram of the prefix (waves).
    public var histogram: TTLHistogram?
    /// What to do, as text.
    public var suggestion: String
    /// A mutation that applies the suggestion, when there is one.
    public var fix: DoctorFix?

    /// The most example keys a finding keeps.
    public static let maximumExamples = 5

    public init(kind: FindingKind, severity: FindingSeverity, title: String, prefix: [UInt8]? = nil, keyCount: Int = 0,
                memory: UInt64 = 0, exampleKeys: [[UInt8]] = [], details: [String] = [], fieldNames: [String] = [],
                histogram: TTLHistogram? = nil, suggestion: String, fix: DoctorFix? = nil) {
        self.kind = kind
        self.severity = severity
        self.title = title
        self.prefix = prefix
        self.keyCount = keyCount
        self.memory = memory
        self.exampleKeys = Array(exampleKeys.prefix(Self.maximumExamples))
        self.details = details
        self.fieldNames = fieldNames
        self.histogram = histogram
        self.suggestion = suggestion
        self.fix = fix
    }
}
