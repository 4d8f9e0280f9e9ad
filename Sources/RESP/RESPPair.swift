/// One key/value entry of a RESP3 map (or of a RESP2 flat array read as pairs).
///
/// Maps are kept as an ordered list of pairs rather than a `Dictionary` because the order the
/// server sends (e.g. `HELLO`, `CONFIG GET`) is meaningful to show and to test.
public struct RESPPair: Sendable, Hashable {
    /// The entry's key.
    public var key: RESPValue
    /// The entry's value.
    public var value: RESPValue

    /// Creates a pair.
    public init(key: RESPValue, value: RESPValue) {
        self.key = key
        self.value = value
    }
}
