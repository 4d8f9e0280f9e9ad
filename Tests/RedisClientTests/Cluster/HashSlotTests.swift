import Testing

@testable import RedisClient

@Suite("Cluster hash slots")
struct HashSlotTests {
    @Test("CRC16-XMODEM of the reference string is 0x31C3")
    func referenceCRC() {
        #expect(HashSlot.crc16(Array("123456789".utf8)) == 0x31C3)
        #expect(HashSlot.of("123456789") == 0x31C3 % 16384)
    }

    @Test("known slots match Redis (CLUSTER KEYSLOT)")
    func knownSlots() {
        #expect(HashSlot.of("foo") == 12182)
        #expect(HashSlot.of("bar") == 5061)
        #expect(HashSlot.of("hello") == 866)
        #expect(HashSlot.of("") == 0)
    }

    @Test("hashtags: only the first non-empty {…} is hashed")
    func hashtags() {
        #expect(HashSlot.of("{user1000}.following") == HashSlot.of("{user1000}.followers"))
        #expect(HashSlot.of("{user1000}.following") == HashSlot.of("user1000"))
        #expect(HashSlot.of("foo{}{bar}") == HashSlot.of("foo{}{bar}"))
        #expect(HashSlot.hashedPart(of: Array("foo{}{bar}".utf8)) == Array("foo{}{bar}".utf8)[...])
        #expect(HashSlot.hashedPart(of: Array("foo{{bar}}zap".utf8)) == Array("{bar".utf8)[...])
        #expect(HashSlot.hashedPart(of: Array("foo{bar}{zap}".utf8)) == Array("bar".utf8)[...])
        #expect(HashSlot.hashedPart(of: Array("{unclosed".utf8)) == Array("{unclosed".utf8)[...])
    }

    @Test("binary keys hash as bytes")
    func binaryKeys() {
        let key: [UInt8] = [0x00, 0xFF, 0x7B, 0x41, 0x7D, 0x80]
        #expect(HashSlot.of(key) == HashSlot.of("A"))
    }
}
