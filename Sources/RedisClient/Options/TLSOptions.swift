/// TLS settings for one connection. Peer verification is on by default.
public struct TLSOptions: Sendable, Hashable {
    /// PEM file of the CA(s) to trust; the system trust store when `nil`.
    public var caCertificatePath: String?
    /// PEM client certificate (mutual TLS), with ``privateKeyPath``.
    public var certificatePath: String?
    /// PEM private key for ``certificatePath``.
    public var privateKeyPath: String?
    /// Server name for SNI and certificate verification; the endpoint's host when `nil`.
    public var serverName: String?
    /// Whether to verify the server's certificate chain and name (`--insecure` turns it off).
    public var verifyPeer: Bool

    /// Creates TLS options; verification is on unless `verifyPeer` is `false`.
    public init(
        caCertificatePath: String? = nil,
        certificatePath: String? = nil,
        privateKeyPath: String? = nil,
        serverName: String? = nil,
        verifyPeer: Bool = true
    ) {
        self.caCertificatePath = caCertificatePath
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.serverName = serverName
        self.verifyPeer = verifyPeer
    }

    /// `true` when verification is off (`--insecure`).
    public var insecure: Bool {
        get { !verifyPeer }
        set { verifyPeer = !newValue }
    }
}
