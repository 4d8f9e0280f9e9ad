/// What the server answered to `HEXPIRE` or `HPERSIST` on one hash field, with the field's TTL
/// read back in the same pipeline, so the field's row updates from the server's answer.
public struct FieldChangeOutcome: Sendable, Hashable {
    /// The hash's key.
    public let key: [UInt8]
    /// The field.
    public let field: [UInt8]
    /// `HEXPIRE` or `HPERSIST`.
    public let command: String
    /// Whether the server changed the field's TTL (code 1): false when the field is gone
    /// (`HEXPIRE`) or had no TTL (`HPERSIST`).
    public let changed: Bool
    /// The field's TTL after the change (nil when the field does not exist), taken at `readAt`.
    public let ttl: KeyTTL?
    /// Wall-clock milliseconds since the epoch when the TTL was read.
    public let readAt: Int64
}
