import NIOCore
import NIOPosix
import NIOSSL
import RESP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RedisError {
    /// Turns whatever NIO, NIOSSL or the decoder threw into a ``RedisError`` that says what and where.
    static func from(_ error: any Error, endpoint: RedisEndpoint) -> RedisError {
        switch error {
        case let error as RedisError:
            return error
        case let error as RESPProtocolError:
            return RedisError(.protocol, error.description, endpoint: endpoint)
        case let error as NIOConnectionError:
            let failures = error.connectionErrors.map(\.error)
            if failures.contains(where: { ($0 as? IOError)?.errnoCode == ECONNREFUSED }) {
                return RedisError(.connectionRefused, "connection refused", endpoint: endpoint)
            }
            if let first = failures.first {
                return from(first, endpoint: endpoint)
            }
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return RedisError(.connectFailed, "cannot resolve host \(endpoint.host)", endpoint: endpoint)
            }
            return RedisError(.connectFailed, "cannot connect", endpoint: endpoint)
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return RedisError(.connectionRefused, "connection refused", endpoint: endpoint)
            case ECONNRESET, EPIPE: return RedisError(.closed, "connection reset by peer", endpoint: endpoint)
            case ETIMEDOUT: return RedisError(.timeout, "connection timed out", endpoint: endpoint)
            default:
                let reason = String(cString: strerror(error.errnoCode))
                return RedisError(.connectFailed, reason.lowercased(), endpoint: endpoint)
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout(let amount):
                let duration = Duration.nanoseconds(amount.nanoseconds)
                return RedisError(.timeout, "connect timed out after \(duration.shortDescription)", endpoint: endpoint)
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed:
                return RedisError(.closed, "connection closed", endpoint: endpoint)
            default:
                return RedisError(.connectFailed, "\(error)", endpoint: endpoint)
            }
        case let error as NIOSSLError:
            return tls(error, endpoint: endpoint)
        case let error as NIOSSLExtraError:
            let text = String(describing: error)
            if text.contains("failedToValidateHostname") || text.contains("Couldn't find") {
                return RedisError(.tls, "certificate verify failed: the server certificate does not match the expected name (--sni?)", endpoint: endpoint)
            }
            return RedisError(.tls, "TLS error: \(text)", endpoint: endpoint)
        default:
            return RedisError(.connectFailed, "\(error)", endpoint: endpoint)
        }
    }

    private static func tls(_ error: NIOSSLError, endpoint: RedisEndpoint) -> RedisError {
        switch error {
        case .handshakeFailed(let reason):
            let text = String(describing: reason)
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return RedisError(.tls, "certificate verify failed: the server certificate is not trusted (wrong or missing --cacert?)", endpoint: endpoint)
            }
            if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG") {
                return RedisError(.tls, "TLS handshake failed: the server does not speak TLS on this port", endpoint: endpoint)
            }
            if text.contains("CERTIFICATE_REQUIRED") || text.contains("HANDSHAKE_FAILURE") {
                return RedisError(.tls, "TLS handshake failed: the server may require a client certificate (--cert/--key)", endpoint: endpoint)
            }
            return RedisError(.tls, "TLS handshake failed: \(text)", endpoint: endpoint)
        case .uncleanShutdown:
            return RedisError(.closed, "connection closed during TLS", endpoint: endpoint)
        case .unableToValidateCertificate, .noCertificateToValidate:
            return RedisError(.tls, "certificate verify failed: \(error)", endpoint: endpoint)
        default:
            return RedisError(.tls, "TLS error: \(error)", endpoint: endpoint)
        }
    }
}
