import Testing

@testable import RedisClient

@Suite("Connection flags and URIs")
struct ConnectionFlagsTests {
    @Test("no node given means 127.0.0.1:6379 without auth or TLS")
    func defaults() throws {
        let options = try ConnectionFlags().resolve(environment: [:])
        #expect(options.count == 1)
        #expect(options[0].endpoint.description == "127.0.0.1:6379")
        #expect(options[0].password == nil && options[0].tls == nil && options[0].database == 0)
        #expect(options[0].clientName == "cachescope")
    }

    @Test("-h -p -a --user -n")
    func flags() throws {
        let options = try ConnectionFlags(host: "cache.internal", port: 6380, password: "pw", user: "ops", database: 3)
            .resolve(environment: ["REDISCLI_AUTH": "other"])
        #expect(options[0].endpoint == RedisEndpoint(host: "cache.internal", port: 6380))
        #expect(options[0].password?.revealed == "pw")
        #expect(options[0].username == "ops")
        #expect(options[0].database == 3)
    }

    @Test("REDISCLI_AUTH supplies the password when -a is absent")
    func environmentPassword() throws {
        let options = try ConnectionFlags().resolve(environment: ["REDISCLI_AUTH": "from-env"])
        #expect(options[0].password?.revealed == "from-env")
    }

    @Test("URIs: user, password, host, port, db, TLS, IPv6, percent-decoding; several URIs are several nodes")
    func uris() throws {
        let options = try ConnectionFlags(uris: [
            "redis://alice:p%40ss%3Aword@10.0.0.5:6390/2",
            "rediss://[::1]:6380",
            "redis://justapassword@localhost",
            "redis://:onlypass@host/0",
            "REDIS://h",
        ]).resolve(environment: [:])
        #expect(options.count == 5)
        #expect(options[0].username == "alice")
        #expect(options[0].password?.revealed == "p@ss:word")
        #expect(options[0].endpoint.description == "10.0.0.5:6390")
        #expect(options[0].database == 2)
        #expect(options[0].tls == nil)
        #expect(options[1].endpoint.host == "::1")
        #expect(options[1].endpoint.description == "[::1]:6380")
        #expect(options[1].tls?.verifyPeer == true)
        #expect(options[2].password?.revealed == "justapassword" && options[2].username == nil)
        #expect(options[2].endpoint.port == 6379)
        #expect(options[3].password?.revealed == "onlypass" && options[3].username == nil)
        #expect(options[4].endpoint.host == "h")
    }

    @Test("URI credentials win over -a and -n; TLS flags apply to TLS nodes")
    func precedence() throws {
        let options = try ConnectionFlags(
            uris: ["rediss://u:uri-pw@h:1/5", "redis://h2"], password: "flag-pw", database: 7,
            caCertificate: "/ca.pem", sni: "cache.example", insecure: true
        ).resolve(environment: [:])
        #expect(options[0].password?.revealed == "uri-pw" && options[0].database == 5)
        #expect(options[0].tls == TLSOptions(caCertificatePath: "/ca.pem", serverName: "cache.example", verifyPeer: false))
        #expect(options[1].password?.revealed == "flag-pw" && options[1].database == 7 && options[1].tls == nil)
    }

    @Test("--tls with -h uses TLS with verification on")
    func tlsFlag() throws {
        let options = try ConnectionFlags(host: "[::1]", tls: true, caCertificate: "ca.pem", certificate: "c.pem", key: "k.pem")
            .resolve(environment: [:])
        #expect(options[0].endpoint.host == "::1")
        #expect(options[0].tls == TLSOptions(caCertificatePath: "ca.pem", certificatePath: "c.pem", privateKeyPath: "k.pem"))
    }

    @Test(
        "malformed input is a one-line UsageError without the password",
        arguments: [
            (ConnectionFlags(uris: ["http://u:secret-pw@host"]), "unsupported scheme"),
            (ConnectionFlags(uris: ["redis://u:secret-pw@host:99999"]), "invalid port"),
            (ConnectionFlags(uris: ["redis://u:secret-pw@host:6379/x"]), "invalid database"),
            (ConnectionFlags(uris: ["redis://u:secret-pw@::1:6379"]), "brackets"),
            (ConnectionFlags(uris: ["redis://u:secret-pw@[::1:6379"]), "unclosed"),
            (ConnectionFlags(uris: ["redis://u:secret-pw%zz@host"]), "percent-encoding"),
            (ConnectionFlags(uris: ["redis://u:secret-pw@host?db=1"]), "query"),
            (ConnectionFlags(uris: ["localhost:6379"]), "not a redis://"),
            (ConnectionFlags(uris: ["redis://h"], host: "x"), "either"),
            (ConnectionFlags(port: 0), "invalid port"),
            (ConnectionFlags(database: -1), "invalid database"),
            (ConnectionFlags(user: "alice"), "needs a password"),
            (ConnectionFlags(caCertificate: "ca.pem"), "need --tls"),
            (ConnectionFlags(tls: true, certificate: "c.pem"), "--cert and --key"),
        ])
    func malformed(_ flags: ConnectionFlags, _ expected: String) {
        #expect {
            _ = try flags.resolve(environment: [:])
        } throws: { error in
            let message = (error as? UsageError)?.message ?? ""
            return message.contains(expected) && !message.contains("secret-pw") && !message.contains("\n")
        }
    }

    @Test("descriptions never show the password")
    func redaction() throws {
        let options = try ConnectionFlags(uris: ["redis://alice:secret-pw@h:1/2"]).resolve(environment: [:])[0]
        #expect(!"\(options)".contains("secret-pw"))
        #expect(!String(reflecting: options).contains("secret-pw"))
        #expect("\(options)" == "redis://alice@h:1/2")
        #expect(RedisURI.redacted("redis://alice:secret-pw@h") == "redis://alice:***@h")
        let flags = ConnectionFlags(uris: ["redis://:secret-pw@h"], password: "secret-pw")
        #expect(!"\(flags)".contains("secret-pw") && !String(reflecting: flags).contains("secret-pw"))
        var dumped = ""
        dump(flags, to: &dumped)
        #expect(!dumped.contains("secret-pw"))
    }
}
