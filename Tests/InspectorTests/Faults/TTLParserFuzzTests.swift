import FuzzSupport
import Testing

@testable import Inspector

@Suite("Faults: TTL parser under random input")
struct TTLParserFuzzTests {
    @Test("hostile TTL text is refused with a message, never a crash or an overflow")
    func hostileExamples() throws {
        let refused = [
            "abc", "-1", "0", "0s", "99999999999999d", "9223372036854775807", "9223372036854775808s",
            "١٢٣", "１２", "𝟙𝟚", "1h30", "h", "1x", "5 m", "1.5h", "+5", "\u{202E}5m", "5\u{200B}m", "", "   ",
            "101y", String(repeating: "9", count: 10_000), String(repeating: "1d", count: 40_000), "1e3", "0x10",
        ]
        for text in refused {
            #expect(throws: TTLParser.Failure.self, "\(text.prefix(40))") { _ = try TTLParser.seconds(text) }
        }
        #expect(try TTLParser.seconds(" 1h30m ") == 5400)
        #expect(try TTLParser.seconds(String(repeating: "1s", count: 1000)) == 1000)
    }

    @Test("random and mutated input: a value in 1…100 years or a Failure; valid compositions add up")
    func fuzz() {
        var budget = FuzzBudget()
        let units: [(String, Int64)] = [("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604_800)]
        while budget.next() {
            // A valid composition, its expected value, and a mutation of it.
            var text = ""
            var expected: Int64 = 0
            for _ in 0..<Int.random(in: 1...3, using: &budget.random) {
                let number = Int64.random(in: 0...500, using: &budget.random)
                let unit = units.randomElement(using: &budget.random)!
                text += "\(number)\(Bool.random(using: &budget.random) ? unit.0 : unit.0.uppercased())"
                expected += number * unit.1
            }
            if expected > 0 {
                #expect((try? TTLParser.seconds(text)) == expected, "\(text) \(budget.replay)")
            }
            let mutated = TextMutator.mutate(text, using: &budget.random)
            do {
                let value = try TTLParser.seconds(mutated)
                #expect(value >= 1 && value <= TTLParser.maximumSeconds, "\(mutated.debugDescription) → \(value) \(budget.replay)")
            } catch {
                #expect(error.description.hasPrefix("invalid TTL"), "\(budget.replay)")
            }
        }
        #expect(budget.iterations > 100)
    }
}
