/// How much of a value one page reads.
public struct ValuePageSize: Sendable, Hashable {
    /// Bytes of a string per page (64 KiB by default).
    public var stringBytes: Int
    /// Elements per page for lists, sorted sets and streams; the `COUNT` hint for `HSCAN`/`SSCAN`.
    public var elements: Int

    public init(stringBytes: Int = 64 * 1024, elements: Int = 200) {
        self.stringBytes = stringBytes
        self.elements = elements
    }

    public static let `default` = ValuePageSize()
}
