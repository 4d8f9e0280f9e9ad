import NIOCore
import Testing

@testable import RESP

/// A small, seeded generator so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("RESP decoder: seeded fuzzing")
struct RESPFuzzTests {
    static func randomValue(_ rng: inout SplitMix64, depth: Int = 0) -> RESPValue {
        let choice = Int.random(in: 0..<(depth > 3 ? 9 : 13), using: &rng)
        func bytes() -> ByteBuffer {
            ByteBuffer(bytes: (0..<Int.random(in: 0..<20, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
        func children() -> [RESPValue] {
            (0..<Int.random(in: 0..<5, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) }
        }
        switch choice {
        case 0: return .simpleString(ByteBuffer(string: "OK\(Int.random(in: 0..<100, using: &rng))"))
        case 1: return .error(ByteBuffer(string: "ERR e\(Int.random(in: 0..<100, using: &rng))"))
        case 2: return .integer(Int64.random(in: .min ... .max, using: &rng))
        case 3: return .bulkString(bytes())
        case 4: return .null
        case 5: return .double(Double(Int.random(in: -1000...1000, using: &rng)) / 8)
        case 6: return .boolean(Bool.random(using: &rng))
        case 7: return .bigNumber(ByteBuffer(string: String(UInt64.random(in: 0 ... .max, using: &rng))))
        case 8: return .verbatimString(format: "txt", text: bytes())
        case 9: return .array(children())
        case 10: return .set(children())
        case 11: return .push(children())
        default:
            return .map(
                (0..<Int.random(in: 0..<4, using: &rng)).map { _ in
                    RESPPair(key: randomValue(&rng, depth: depth + 1), value: randomValue(&rng, depth: depth + 1))
                })
        }
    }

    @Test("random values round trip through random splits")
    func randomRoundTrips() throws {
        var rng = SplitMix64(state: 0xCAC4E5C0BE)
        for _ in 0..<300 {
            let values = (0..<Int.random(in: 1..<6, using: &rng)).map { _ in Self.randomValue(&rng) }
            let bytes = RESPTestSupport.encode(values)
            var splits = (0..<Int.random(in: 0..<6, using: &rng)).map { _ in Int.random(in: 0...bytes.count, using: &rng) }
            splits.sort()
            #expect(try RESPTestSupport.decode(bytes, splits: splits) == values)
        }
    }

    @Test("truncated and corrupted input never crashes: a value, need-more, or a clear error")
    func corruptedInput() {
        var rng = SplitMix64(state: 42)
        let clock = ContinuousClock()
        let start = clock.now
        var outcomes = (values: 0, needMore: 0, errors: 0)
        var iterations = 0
        while iterations < 5000, clock.now - start < .seconds(5) {
            iterations += 1
            var bytes = RESPTestSupport.encode((0..<3).map { _ in Self.randomValue(&rng) })
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
            for _ in 0..<Int.random(in: 0..<4, using: &rng) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[index] =
                    Bool.random(using: &rng)
                    ? UInt8.random(in: 0...255, using: &rng)
                    : Array("*$%:-+\r\n0123456789?".utf8).randomElement(using: &rng)!
            }
            var decoder = RESPDecoder(limits: .init(maxDepth: 16, maxBulkLength: 1 << 16, maxAggregateCount: 1 << 12))
            var buffer = ByteBuffer(bytes: bytes)
            do {
                while true {
                    let before = buffer.readerIndex
                    guard try decoder.decode(&buffer) != nil else {
                        outcomes.needMore += 1
                        break
                    }
                    outcomes.values += 1
                    #expect(buffer.readerIndex > before)
                }
            } catch {
                #expect(!error.message.isEmpty)
                #expect(!error.message.contains("\n"))
                outcomes.errors += 1
            }
        }
        #expect(outcomes.values > 0 && outcomes.needMore > 0 && outcomes.errors > 0)
    }
}
