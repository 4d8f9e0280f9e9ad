import FuzzSupport
import Testing

@testable import AppCore

@Suite("Faults: config loader under mutated TOML")
struct ConfigLoaderFuzzTests {
    static let sample = """
        interval = 2
        theme = "light"
        read_only = true
        audit_log = "/tmp/audit.log"
        delimiter = ":"
        scan_commands_per_second = 200
        bulk_keys_per_second = 5000
        undo_budget_mb = 64
        message_log_capacity = 1000

        [connections.prod]
        url = "rediss://cache.internal:6380/2"
        user = "ops"
        password_env = "PROD_REDIS_PASSWORD"
        db = 3
        read_only = true

        [alerts.hit-ratio-low]
        below = 0.9
        for = "2m"

        [alerts.slow]
        metric = "latency_ms"
        above = 50
        for = 30
        severity = "critical"

        [keys]
        quit = "Q"
        """

    static let numericKeys = ["interval", "scan_commands_per_second", "bulk_keys_per_second", "undo_budget_mb", "message_log_capacity"]

    @Test(
        "non-finite and huge numbers are refused, not trapped on (regression: Int(1e300), Int(nan))",
        arguments: ["1e300", "-1e300", "inf", "-inf", "nan", "9223372036854775807", "-9223372036854775808", "1.5e19"])
    func hugeNumbers(_ literal: String) {
        for key in Self.numericKeys {
            #expect(throws: ConfigError.self, "\(key) = \(literal)") { _ = try ConfigLoader.parse("\(key) = \(literal)\n", file: "c.toml") }
        }
        let db = "[connections.x]\nurl = \"redis://h\"\ndb = \(literal)\n"
        #expect(throws: ConfigError.self, "db = \(literal)") { _ = try ConfigLoader.parse(db, file: "c.toml") }
        let alert = "[alerts.a]\nmetric = \"latency_ms\"\nabove = \(literal)\n"
        _ = try? ConfigLoader.parse(alert, file: "c.toml")  // must not crash
        // Regression found by this test: `for = 1e300` trapped in Formatting.duration (Int(1e300)).
        let duration = "[alerts.a]\nmetric = \"latency_ms\"\nabove = 1\nfor = \(literal)\n"
        #expect(throws: ConfigError.self, "for = \(literal)") { _ = try ConfigLoader.parse(duration, file: "c.toml") }
    }

    @Test(
        "table headers the TOML parser would abort on are refused with the line (regression: toml++ assertion)",
        arguments: [
            "[!]", "[[[alerts.low]\nbelow = 1", "[a]]", "[[a]", "[ 漢]", "[=]", "[.a]", "[#]", "[[漢]]", "[\t=x]", "[\n\n[connections.prod]\nurl = \"redis://h\"", "[  \n",
            "interval = 2\n\n[\u{76B3}alerts.slow]\nabove = 1",
        ])
    func badTableHeaders(_ text: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "c.toml")
            Issue.record("accepted \(text.debugDescription)")
        } catch {
            #expect(error.line == text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("[") }.map { $0 + 1 })
        }
    }

    @Test("nested arrays over several lines and multi-line strings are not mistaken for headers")
    func notHeaders() throws {
        let text = "[connections.a]\nurls = [\n  \"redis://h:1\",\n  \"redis://h:2\",\n]\n[alerts.b]\nmetric = \"latency_ms\"\nabove = 5\n"
        let config = try ConfigLoader.parse(text, file: "c.toml")
        #expect(config.connections["a"]?.uris.count == 2)
        #expect(TableHeaderCheck.firstBadHeader(in: "x = [\n[!1],\n]\n") == nil)
        #expect(TableHeaderCheck.firstBadHeader(in: "x = \"\"\"\n[!]\n\"\"\"\n") == nil)
    }

    @Test("mutated config files: a config or an error naming the file, never a crash")
    func fuzz() {
        var budget = FuzzBudget()
        var errors = 0
        while budget.next() {
            var text = Self.sample
            for _ in 0..<Int.random(in: 1...3, using: &budget.random) {
                text = TextMutator.mutate(text, using: &budget.random)
            }
            if Int.random(in: 0..<5, using: &budget.random) == 0 {
                // Swap a number for something hostile.
                let hostile = ["1e300", "nan", "-inf", "-1", "0", "99999999999999999999", "\"x\"", "[]", "{}"].randomElement(using: &budget.random)!
                text = text.replacingOccurrences(of: "= \(["2", "200", "5000", "64", "1000", "3", "0.9", "50", "30"].randomElement(using: &budget.random)!)\n", with: "= \(hostile)\n")
            }
            budget.trace(text)
            do {
                let config = try ConfigLoader.parse(text, file: "fuzz.toml")
                #expect(config.interval >= 0.1 && config.interval <= 3600, "\(budget.replay)")
            } catch {
                errors += 1
                #expect(error.description.hasPrefix("fuzz.toml"), "\(error) \(budget.replay)")
            }
        }
        #expect(budget.iterations > 50 && errors > 0)
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
