/// Where the next page of a value starts. Opaque to the pane: pass `ValuePage.next` back.
public enum ValueCursor: Sendable, Hashable {
    /// The first page.
    case start
    /// A byte offset (strings) or an element index (lists, sorted sets).
    case offset(Int)
    /// An `HSCAN`/`SSCAN` cursor.
    case scan([UInt8])
    /// Entries after this stream id (exclusive).
    case after(streamID: [UInt8])
}
