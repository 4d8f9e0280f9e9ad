import NIOCore
import NIOSSL

/// Builds the NIOSSL client context and handler for ``TLSOptions``.
enum TLSContextFactory {
    /// A client context: the given CA (or the system store), an optional client certificate, and
    /// full verification unless `verifyPeer` is off.
    static func makeContext(_ options: TLSOptions, endpoint: RedisEndpoint) throws(RedisError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = options.verifyPeer ? .fullVerification : .none
        do {
            if let ca = options.caCertificatePath {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(ca))
            }
        } catch {
            throw RedisError(.configuration, "cannot read CA certificate \(options.caCertificatePath ?? "")", endpoint: endpoint)
        }
        if let certificate = options.certificatePath {
            do {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
            } catch {
                throw RedisError(.configuration, "cannot read client certificate \(certificate)", endpoint: endpoint)
            }
        }
        if let key = options.privateKeyPath {
            do {
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            } catch {
                throw RedisError(.configuration, "cannot read private key \(key)", endpoint: endpoint)
            }
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw RedisError(.configuration, "invalid TLS configuration: \(error)", endpoint: endpoint)
        }
    }

    /// The name to send as SNI and verify against: `--sni`, else the host when it is a name.
    /// IP literals are verified against the certificate's IP SANs instead (NIOSSL does that when no name is given).
    static func serverName(_ options: TLSOptions, endpoint: RedisEndpoint) -> String? {
        if let name = options.serverName { return name }
        let host = endpoint.host
        let isIP = host.contains(":") || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
        return isIP ? nil : host
    }
}
