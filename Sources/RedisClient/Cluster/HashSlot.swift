/// Redis Cluster hash slots: `CRC16-XMODEM(key) mod 16384`, where a key containing a non-empty
/// `{…}` section hashes only that section (the hashtag), so related keys can share a slot.
///
///     HashSlot.of(Array("123456789".utf8))            // CRC16 0x31C3 → slot 12739
///     HashSlot.of(Array("{user1000}.following".utf8)) // same slot as "{user1000}.followers"
public enum HashSlot {
    /// Number of slots in a cluster.
    public static let count = 16384

    /// The slot of `key`.
    public static func of(_ key: some Collection<UInt8>) -> Int {
        Int(crc16(hashedPart(of: Array(key)))) & (count - 1)
    }

    /// The slot of a UTF-8 key (for tests and channel names given as text).
    public static func of(_ key: String) -> Int { of(Array(key.utf8)) }

    /// The part of `key` that is hashed: the first `{…}` section when it is non-empty, else the key.
    public static func hashedPart(of key: [UInt8]) -> ArraySlice<UInt8> {
        guard let open = key.firstIndex(of: UInt8(ascii: "{")) else { return key[...] }
        guard let close = key[(open + 1)...].firstIndex(of: UInt8(ascii: "}")), close > open + 1 else { return key[...] }
        return key[(open + 1)..<close]
    }

    /// CRC16-XMODEM (polynomial 0x1021, initial value 0), as Redis computes it.
    public static func crc16(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc = (crc << 8) ^ table[Int(UInt8(crc >> 8) ^ byte)]
        }
        return crc
    }

    private static let table: [UInt16] = (0..<256).map { value in
        var crc = UInt16(value) << 8
        for _ in 0..<8 {
            crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1
        }
        return crc
    }
}
