/// How the doctor writes key names and prefixes into its titles and details: every byte outside
/// printable ASCII escaped as `\xNN` (``AuditEntry/escape(_:)``), so a title never carries a control
/// byte; the UI still passes it through its sanitiser.
enum DoctorText {
    static func key(_ key: some Collection<UInt8>) -> String { AuditEntry.escape(key) }

    /// `user:*` for a prefix, `(keys without a delimiter)` for the empty one.
    static func prefix(_ prefix: [UInt8]) -> String {
        prefix.isEmpty ? "(keys without a delimiter)" : AuditEntry.escape(prefix) + "*"
    }
}
