import Foundation

/// A throwaway certificate authority with a server certificate (SAN `127.0.0.1`, `localhost`) and a
/// client certificate, made with `openssl` in a temporary directory. For tests and the demo only.
public struct TLSCertificates: Sendable, Hashable {
    /// The directory holding every file below.
    public var directory: String
    /// The CA certificate (PEM) that signed the server and client certificates.
    public var caCertificatePath: String
    /// The server certificate (PEM), valid for `127.0.0.1` and `localhost`.
    public var serverCertificatePath: String
    /// The server's private key (PEM).
    public var serverKeyPath: String
    /// A client certificate (PEM) signed by the same CA.
    public var clientCertificatePath: String
    /// The client's private key (PEM).
    public var clientKeyPath: String

    /// Generates a fresh CA, server and client certificate (EC P-256, valid for two days).
    ///
    /// - Parameter directory: where to write them; a new temporary directory when `nil`.
    /// - Throws: ``LocalRedisError`` when `openssl` is missing or fails.
    public static func generate(in directory: String? = nil) throws -> TLSCertificates {
        guard let openssl = ExecutableLookup.find("openssl") else {
            throw LocalRedisError("openssl was not found on PATH: install openssl to make test certificates")
        }
        let dir = try directory ?? TemporaryDirectory.make(prefix: "cachescope-tls")
        let certificates = TLSCertificates(
            directory: dir,
            caCertificatePath: dir + "/ca.crt",
            serverCertificatePath: dir + "/server.crt",
            serverKeyPath: dir + "/server.key",
            clientCertificatePath: dir + "/client.crt",
            clientKeyPath: dir + "/client.key"
        )
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(
            openssl,
            ["req", "-x509", "-new"] + key + [
                "-keyout", dir + "/ca.key", "-out", certificates.caCertificatePath, "-days", "2",
                "-subj", "/CN=cachescope test CA",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        for (name, usage, san) in [
            ("server", "serverAuth", "subjectAltName=IP:127.0.0.1,DNS:localhost"),
            ("client", "clientAuth", "subjectAltName=DNS:cachescope-client"),
        ] {
            let extensions = dir + "/\(name).ext"
            try "\(san)\nextendedKeyUsage=\(usage)\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                .write(toFile: extensions, atomically: true, encoding: .utf8)
            try run(
                openssl,
                ["req", "-new"] + key + [
                    "-keyout", dir + "/\(name).key", "-out", dir + "/\(name).csr",
                    "-subj", "/CN=\(name == "server" ? "localhost" : "cachescope-client")",
                ])
            try run(
                openssl,
                [
                    "x509", "-req", "-in", dir + "/\(name).csr", "-CA", certificates.caCertificatePath,
                    "-CAkey", dir + "/ca.key", "-CAcreateserial", "-out", dir + "/\(name).crt",
                    "-days", "2", "-extfile", extensions,
                ])
        }
        return certificates
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: output, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw LocalRedisError("openssl \(arguments.first ?? "") failed (status \(process.terminationStatus)): \(text)")
        }
    }
}
