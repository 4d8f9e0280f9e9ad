import Inspector
import Testing

@testable import AppCore

@Suite struct ConfigLoaderTests {
    @Test func emptyFileIsTheDefaults() throws {
        #expect(try ConfigLoader.parse("", file: "c.toml") == AppConfig())
    }

    @Test func missingFileIsTheDefaults() throws {
        #expect(try ConfigLoader.load(path: "/nonexistent/cachescope/config.toml") == AppConfig())
    }

    @Test func readsSettingsConnectionsAndAlerts() throws {
        let config = try ConfigLoader.parse(
            """
            interval = 2
            theme = "light"
            read_only = true
            read_from_replicas = true
            delimiter = "/"
            scan_commands_per_second = 20000
            index_budget_mb = 64
            exact_lookup_limit = 500000

            [connections.prod]
            url = "rediss://cache.internal:6380/2"
            user = "ops"
            password_env = "PROD_REDIS_PASSWORD"
            read_only = true

            [alerts.hit-ratio-low]
            below = 0.9
            for = "2m"

            [alerts.evictions-high]
            enabled = false

            [alerts.slow]
            metric = "latency_ms"
            above = 50
            for = 30
            severity = "critical"

            [keys]
            quit = "Q"
            """, file: "c.toml")
        #expect(config.interval == 2)
        #expect(config.theme == "light")
        #expect(config.readOnly)
        #expect(config.readFromReplicas)
        #expect(config.delimiterByte == UInt8(ascii: "/"))
        #expect(config.scanPolicy.maxCommandsPerSecond == 20000)
        #expect(config.scanPolicy.indexBudgetBytes == 64 << 20)
        #expect(config.scanPolicy.exactLookupLimit == 500_000)
        let prod = try #require(config.connections["prod"])
        #expect(prod.uris == ["rediss://cache.internal:6380/2"])
        #expect(prod.readOnly)
        #expect(prod.passwordEnvironmentVariable == "PROD_REDIS_PASSWORD")
        let hit = try #require(config.alertRules.first { $0.name == "hit-ratio-low" })
        #expect(hit.threshold == 0.9 && hit.duration == 120 && hit.metric == .hitRatio)
        #expect(!config.alertRules.contains { $0.name == "evictions-high" })
        let slow = try #require(config.alertRules.first { $0.name == "slow" })
        #expect(slow.metric == .latencyMilliseconds && slow.comparison == .above && slow.threshold == 50 && slow.severity == .critical)
        #expect(config.keyOverrides["quit"] == "Q")
    }

    @Test("record = is per connection: the one that has it records, the others do not; not a string is an error on its line")
    func recordPerConnection() throws {
        let config = try ConfigLoader.parse(
            """
            [connections.prod]
            url = "redis://cache.internal:6379"
            record = "~/incidents/prod.db"

            [connections.staging]
            url = "redis://staging.internal:6379"
            """, file: "c.toml")
        #expect(config.connections["prod"]?.record == "~/incidents/prod.db")
        #expect(try #require(config.connections["staging"]).record == nil)
        do {
            _ = try ConfigLoader.parse("[connections.prod]\nurl = \"redis://a\"\nrecord = true\n", file: "c.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test func syntaxErrorNamesFileAndLine() {
        do {
            _ = try ConfigLoader.parse("interval = 1\ntheme = \"dark\"\nbroken = = 3\n", file: "/home/u/.config/cachescope/config.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("/home/u/.config/cachescope/config.toml:3: "))
        }
    }

    @Test func semanticErrorsNameTheLine() {
        func line(_ text: String) -> Int? {
            do {
                _ = try ConfigLoader.parse(text, file: "c.toml")
                return nil
            } catch { return error.line }
        }
        #expect(line("interval = 1\ncolour = \"x\"\n") == 2)
        #expect(line("interval = \"fast\"\n") == 1)
        #expect(line("theme = \"x\"\n\n[alerts.mine]\nmetric = \"bogus\"\nabove = 1\n") == 4)
        #expect(line("[connections.prod]\nuser = \"x\"\n") == 1)
        #expect(line("[alerts.hit-ratio-low]\nfor = \"abc\"\n") == 2)
    }

    @Test func unknownKeyActionsNameTheLine() {
        func parseError(_ text: String) -> ConfigError? {
            do {
                _ = try ConfigLoader.parse(text, file: "c.toml")
                return nil
            } catch { return error }
        }
        let unknown = parseError("theme = \"light\"\n\n[keys]\nquit = \"Q\"\nquitt = \"X\"\n")
        #expect(unknown?.line == 5)
        #expect(unknown?.description.hasPrefix("c.toml:5: [keys] quitt: no such action") == true)
        #expect(unknown?.reason.contains("deletePattern") == true)
        #expect(parseError("[keys]\nhelp = \"F1\"\n\"no-such\" = \"x\"\n")?.line == 3)
        #expect(parseError("[keys]\ndelete = \"Hyper-D\"\n")?.line == 2)
        #expect(parseError("[keys]\ndelete = \"x\"\npersist = \"Ctrl-P, P\"\n") == nil)
    }
}
