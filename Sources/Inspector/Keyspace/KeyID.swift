/// The position of a key in a `KeyIndex`. Stable for the life of the index (a vanished key keeps
/// its id as a tombstone; a rescan builds a new index with new ids).
public struct KeyID: Sendable, Hashable, Comparable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    var index: Int { Int(rawValue) }

    public static func < (a: KeyID, b: KeyID) -> Bool { a.rawValue < b.rawValue }
}
