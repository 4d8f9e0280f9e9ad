/// One problem the cache doctor found: what, how bad, the evidence as figures, and the change
/// that would fix it. Nothing here is worded: the app layer turns the facts into sentences.
///
/// Evidence holds key NAMES and field NAMES only (bytes, shown through the UI's sanitiser); the
/// doctor never keeps a value it read.
public struct DoctorFinding: Sendable, Hashable {
    /// The figures particular to the kind of finding.
    public var facts: FindingFacts
    public var severity: FindingSeverity
    /// The prefix concerned (bytes, e.g. `user:`), nil for node-wide findings.
    public var prefix: [UInt8]?
    /// How many keys the finding is about (TTL-less keys, keys in the wave, locks, …).
    public var keyCount: Int
    /// Bytes of `MEMORY USAGE` of those keys (0 when not meaningful).
    public var memory: UInt64
    /// Up to ``DoctorFinding/maximumExamples`` example keys.
    public var exampleKeys: [[UInt8]]
    /// Field names involved (secrets), escaped as in the audit log: names only, never values.
    public var fieldNames: [String]
    /// The remaining-TTL histogram of the prefix (waves).
    public var histogram: TTLHistogram?
    /// A mutation that applies the suggestion, when there is one.
    public var fix: DoctorFix?
    /// The key count and memory are estimates for the whole keyspace, weighed up from a sample
    /// (a partial walk, or an index past its budget): shown with `~`.
    public var estimated = false

    /// The most example keys a finding keeps.
    public static let maximumExamples = 5

    public init(
        _ facts: FindingFacts, severity: FindingSeverity, prefix: [UInt8]? = nil, keyCount: Int = 0,
        memory: UInt64 = 0, exampleKeys: [[UInt8]] = [], fieldNames: [String] = [],
        histogram: TTLHistogram? = nil, fix: DoctorFix? = nil
    ) {
        self.facts = facts
        self.severity = severity
        self.prefix = prefix
        self.keyCount = keyCount
        self.memory = memory
        self.exampleKeys = Array(exampleKeys.prefix(Self.maximumExamples))
        self.fieldNames = fieldNames
        self.histogram = histogram
        self.fix = fix
    }

    /// The anti-pattern found.
    public var kind: FindingKind { facts.kind }
}
