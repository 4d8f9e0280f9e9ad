import FuzzSupport
import NIOCore
import Testing

@testable import RESP

/// The decoder must give the same outcome however the stream is cut: the same values, then the
/// same error (or need-more), for random bytes and for mutated valid frames.
@Suite("Faults: RESP decoder, random and mutated input under every split")
struct RESPDecoderSplitFuzzTests {
    enum Outcome: Equatable {
        case values([RESPValue], error: Bool)
    }

    static let limits = RESPDecoder.Limits(maxDepth: 8, maxBulkLength: 1 << 12, maxAggregateCount: 64, maxLineLength: 256)

    /// Decodes with chunk boundaries at `splits`; stops at the first error.
    static func outcome(_ bytes: [UInt8], splits: [Int]) -> Outcome {
        var decoder = RESPDecoder(limits: limits)
        var buffer = ByteBuffer()
        var values: [RESPValue] = []
        var start = 0
        do {
            for end in splits + [bytes.count] where end >= start {
                buffer.writeBytes(bytes[start..<end])
                start = end
                while let value = try decoder.decode(&buffer) { values.append(value) }
            }
        } catch {
            #expect(!error.message.isEmpty && !error.message.contains("\n"))
            return .values(values, error: true)
        }
        return .values(values, error: false)
    }

    static func mutatedFrame(_ random: inout SeededRandom) -> [UInt8] {
        var values: [RESPValue] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            values.append(RESPTestSupport.everyType.randomElement(using: &random)!)
        }
        var bytes = RESPTestSupport.encode(values)
        let alphabet = Array("*$%:-+_,#(=~>|!\r\n0123456789-?".utf8)
        for _ in 0..<Int.random(in: 0...3, using: &random) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes[index] = alphabet.randomElement(using: &random)!
            case 1: bytes[index] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.remove(at: index)
            default: bytes.insert(alphabet.randomElement(using: &random)!, at: index)
            }
        }
        return bytes
    }

    @Test("whole, byte by byte and at random cuts: the same values and the same failure")
    func splitInvariance() {
        var budget = FuzzBudget()
        var errors = 0
        while budget.next() {
            let bytes: [UInt8]
            if Int.random(in: 0..<4, using: &budget.random) == 0 {
                bytes = (0..<Int.random(in: 0...64, using: &budget.random)).map { _ in UInt8.random(in: 0...255, using: &budget.random) }
            } else {
                bytes = Self.mutatedFrame(&budget.random)
            }
            let whole = Self.outcome(bytes, splits: [])
            if case .values(_, true) = whole { errors += 1 }
            let single = Self.outcome(bytes, splits: Array(0..<bytes.count))
            #expect(single == whole, "byte-by-byte differs for \(bytes) \(budget.replay)")
            var cuts = (0..<Int.random(in: 1...4, using: &budget.random)).map { _ in Int.random(in: 0...bytes.count, using: &budget.random) }
            cuts.sort()
            #expect(Self.outcome(bytes, splits: cuts) == whole, "cuts \(cuts) differ for \(bytes) \(budget.replay)")
        }
        #expect(budget.iterations > 100 && errors > 0)
    }

    @Test("hostile headers fail at once, whatever follows")
    func hostileHeaders() {
        for header in [
            "$2147483648\r\n", "$9223372036854775807\r\n", "$99999999999999999999\r\n", "*4294967296\r\n",
            "%2147483647\r\n", "$-2\r\n", "*-2\r\n", ":\r\n", "$\r\n",
            String(repeating: "*1\r\n", count: 9),
        ] {
            #expect(Self.outcome(Array(header.utf8), splits: []) == .values([], error: true), "\(header.debugDescription)")
        }
    }
}
