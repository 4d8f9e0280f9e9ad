import Testing

@testable import Inspector

@Suite struct TTLParserTests {
    @Test(arguments: [("90", 90), ("30s", 30), ("5m", 300), ("1h", 3600), ("2d", 172_800), ("1h30m", 5400), (" 45 ", 45), ("1w", 604_800)] as [(String, Int64)])
    func accepts(_ text: String, _ seconds: Int64) throws {
        #expect(try TTLParser.seconds(text) == seconds)
    }

    @Test(arguments: ["abc", "", "0", "-5", "5x", "m", "1h30", "99999999999999", "1.5h", "５", "10000000d"])
    func refusesWithAClearMessage(_ text: String) {
        #expect(throws: TTLParser.Failure.self) { try TTLParser.seconds(text) }
        do { _ = try TTLParser.seconds(text) } catch { #expect(error.description.contains("use e.g. 90, 30s, 5m, 1h, 2d")) }
    }
}
