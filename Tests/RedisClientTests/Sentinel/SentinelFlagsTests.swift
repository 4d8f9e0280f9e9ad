import Testing

@testable import RedisClient

@Suite("Sentinel URIs and flags")
struct SentinelFlagsTests {
    @Test("redis+sentinel:// names the sentinels, the group, the nodes' credentials and database")
    func uri() throws {
        let uri = try SentinelURI(parsing: "redis+sentinel://ops:p%40ss@10.0.0.1:26379,10.0.0.2,[::1]:26380/mymaster/2")
        #expect(uri.sentinels == [RedisEndpoint(host: "10.0.0.1", port: 26379), RedisEndpoint(host: "10.0.0.2", port: 26379), RedisEndpoint(host: "::1", port: 26380)])
        #expect(uri.masterName == "mymaster")
        #expect(uri.database == 2)
        #expect(uri.username == "ops")
        #expect(uri.password?.revealed == "p@ss")
        #expect(!uri.tls)
        let bare = try SentinelURI(parsing: "rediss+sentinel://h1:5000")
        #expect(bare.tls)
        #expect(bare.masterName == nil)
        #expect(bare.sentinels == [RedisEndpoint(host: "h1", port: 5000)])
    }

    @Test(
        "a malformed sentinel URI is one line that never shows the password",
        arguments: [
            "redis+sentinel://:hunter2@/mymaster", "redis+sentinel://:hunter2@h1:99999/m", "redis+sentinel://:hunter2@h1,,h2/m",
            "redis+sentinel://:hunter2@h1/m/x", "redis+sentinel://:hunter2@h1/m/1/2",
        ])
    func malformed(_ text: String) {
        let error = #expect(throws: UsageError.self) { try SentinelURI(parsing: text) }
        #expect(!"\(error!)".contains("hunter2"))
        #expect(!"\(error!)".contains("\n"))
    }

    @Test("--sentinel and --master, with the sentinels' own credentials apart from the nodes'")
    func flags() throws {
        let flags = ConnectionFlags(password: "node-secret", sentinels: ["127.0.0.1:26379", "[::1]"], masterName: "mymaster", sentinelUser: "watcher")
        #expect(flags.isSentinel)
        let target = try flags.resolveSentinel(environment: [ConnectionFlags.sentinelPasswordVariable: "sentinel-secret"])
        #expect(target.masterName == "mymaster")
        #expect(target.sentinels.map(\.endpoint) == [RedisEndpoint(host: "127.0.0.1", port: 26379), RedisEndpoint(host: "::1", port: 26379)])
        #expect(target.sentinels.allSatisfy { $0.username == "watcher" && $0.password?.revealed == "sentinel-secret" && $0.database == 0 })
        #expect(target.nodeOptions.password?.revealed == "node-secret")
        #expect(target.nodeOptions.username == nil)
        #expect(!"\(flags)".contains("secret"))
        #expect(!"\(target)".contains("secret"))
        // The nodes' REDISCLI_AUTH is not the sentinels' password.
        let plain = try ConnectionFlags(sentinels: ["h:1"], masterName: "m").resolveSentinel(environment: ["REDISCLI_AUTH": "node"])
        #expect(plain.sentinels[0].password == nil)
        #expect(plain.nodeOptions.password?.revealed == "node")
    }

    @Test("TLS to sentinels as to nodes; conflicting flags are refused in one line")
    func tlsAndConflicts() throws {
        let tls = try ConnectionFlags(uris: ["rediss+sentinel://h1/m"], caCertificate: "ca.pem").resolveSentinel(environment: [:])
        #expect(tls.sentinels[0].tls?.caCertificatePath == "ca.pem")
        #expect(tls.nodeOptions.tls?.caCertificatePath == "ca.pem")
        let conflicts: [ConnectionFlags] = [
            ConnectionFlags(host: "h", sentinels: ["s:1"]), ConnectionFlags(cluster: true, sentinels: ["s:1"]),
            ConnectionFlags(uris: ["redis+sentinel://s/m"], sentinels: ["s:1"]), ConnectionFlags(sentinels: ["s:1"], sentinelUser: "u"),
            ConnectionFlags(uris: ["redis+sentinel://s/a"], masterName: "b"), ConnectionFlags(sentinels: ["s:x"]),
        ]
        for flags in conflicts {
            #expect(throws: UsageError.self) { try flags.resolveSentinel(environment: [:]) }
        }
    }

    @Test("an address map applies to announced addresses and parses host:port pairs")
    func addressMap() throws {
        let map = try AddressMap(parsing: ["10.0.0.5:6379": "127.0.0.1:16379", "[fe80::1]:7000": "localhost:7000"])
        #expect(map.reachable(RedisEndpoint(host: "10.0.0.5", port: 6379)) == RedisEndpoint(host: "127.0.0.1", port: 16379))
        #expect(map.reachable(RedisEndpoint(host: "fe80::1", port: 7000)) == RedisEndpoint(host: "localhost", port: 7000))
        #expect(map.reachable(RedisEndpoint(host: "10.0.0.6", port: 6379)) == RedisEndpoint(host: "10.0.0.6", port: 6379))
        #expect(throws: UsageError.self) { try AddressMap(parsing: ["10.0.0.5": "127.0.0.1:1"]) }
    }
}
