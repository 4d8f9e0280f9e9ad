import NIOCore

/// One RESP2 or RESP3 value.
///
/// Strings are bytes (`ByteBuffer`), never `String`: Redis keys and values are binary and a lossy
/// conversion would show the operator something that is not in the cache. Use the accessors in
/// `RESPValue+Accessors.swift` (`bytes`, `string`, `int`, …) to read a value.
///
/// Attributes (RESP3 `|`) are stripped by ``RESPDecoder``: they are out-of-band metadata that no
/// caller of this project needs, and keeping them out of the value keeps replies comparable.
public enum RESPValue: Sendable, Hashable {
    /// `+OK` — a simple (single line) string.
    case simpleString(ByteBuffer)
    /// `-ERR …` or RESP3 blob error `!` — an error reply. The bytes start with the error code (`WRONGPASS`, `NOPERM`, …).
    case error(ByteBuffer)
    /// `:42` — a signed 64-bit integer.
    case integer(Int64)
    /// `$3\r\nfoo` — a binary-safe bulk string.
    case bulkString(ByteBuffer)
    /// RESP3 `_`, or RESP2 `$-1` / `*-1`.
    case null
    /// RESP3 `,` — a double (including `inf`, `-inf`, `nan`).
    case double(Double)
    /// RESP3 `#t` / `#f`.
    case boolean(Bool)
    /// RESP3 `(` — an arbitrary precision integer, kept as its decimal digits.
    case bigNumber(ByteBuffer)
    /// RESP3 `=` — a string with a three-character format (`txt`, `mkd`).
    case verbatimString(format: String, text: ByteBuffer)
    /// `*` — an ordered array.
    case array([RESPValue])
    /// RESP3 `%` — a map, in the order the server sent it.
    case map([RESPPair])
    /// RESP3 `~` — a set, in the order the server sent it.
    case set([RESPValue])
    /// RESP3 `>` — an out-of-band push message (pub/sub, client tracking invalidation).
    case push([RESPValue])
}
