import Testing

@testable import AppCore

@Suite("Config: sentinels and the address map")
struct ConfigSentinelTests {
    @Test("a connection can name its sentinels, group and the sentinels' credentials; address_map maps host:port pairs")
    func sentinels() throws {
        let config = try ConfigLoader.parse(
            """
            [address_map]
            "10.0.0.5:6379" = "127.0.0.1:16379"
            "[fe80::1]:26379" = "127.0.0.1:26379"

            [connections.prod]
            sentinels = ["10.0.0.9:26379", "10.0.0.10:26379"]
            master = "mymaster"
            sentinel_user = "watcher"
            sentinel_password_env = "PROD_SENTINEL_AUTH"
            password_env = "PROD_AUTH"
            """, file: "config.toml")
        let prod = try #require(config.connections["prod"])
        #expect(prod.sentinels == ["10.0.0.9:26379", "10.0.0.10:26379"])
        #expect(prod.masterName == "mymaster")
        #expect(prod.sentinelUser == "watcher")
        #expect(prod.sentinelPasswordEnvironmentVariable == "PROD_SENTINEL_AUTH")
        #expect(prod.uris.isEmpty)
        #expect(config.addressMap == ["10.0.0.5:6379": "127.0.0.1:16379", "[fe80::1]:26379": "127.0.0.1:26379"])
    }

    @Test("a malformed address is refused on its line")
    func badAddress() {
        let error = #expect(throws: ConfigError.self) {
            try ConfigLoader.parse("interval = 1\n[address_map]\n\"10.0.0.5\" = \"127.0.0.1:1\"\n", file: "config.toml")
        }
        #expect(error?.line == 3)
        #expect("\(error!)".contains("not host:port"))
    }
}
