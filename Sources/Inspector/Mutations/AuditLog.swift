import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append-only record of every change cachescope makes or refuses: one JSON line per mutation
/// (see ``AuditEntry``). The file is opened in append mode and each line goes out in one `write`,
/// so several cachescope processes can share it.
///
/// The log is never given connection options, so a password cannot reach it.
public actor AuditLog {
    /// Why the audit log could not be opened.
    public struct OpenError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The file.
        public let path: String
        /// What went wrong.
        public let reason: String
        public var description: String { "cannot open audit log \(path): \(reason)" }
    }

    /// The file written to.
    public nonisolated let path: String
    private let descriptor: Int32
    /// How many lines could not be written (disk full…); the UI may show it.
    public private(set) var failedWrites = 0
    /// The last write error, if any.
    public private(set) var lastError: String?
    /// Told of every entry after it is written (a recording keeps the operator's actions).
    private var observer: (@Sendable (AuditEntry) -> Void)?

    /// `$XDG_STATE_HOME/cachescope/audit.log`, or `~/.local/state/cachescope/audit.log` when
    /// `XDG_STATE_HOME` is unset or not absolute (as the XDG spec says).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/cachescope/audit.log"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/cachescope/audit.log"
    }

    /// Opens (creating it and its directories if needed) the log at `path`, or at ``defaultPath(environment:)``.
    /// Opening up front means a log that cannot be written is reported before any change is made.
    /// - Throws: ``OpenError`` naming the file.
    public init(path: String? = nil) throws(OpenError) {
        let path = path ?? Self.defaultPath()
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw OpenError(path: path, reason: "cannot create \(directory): \(error.localizedDescription)")
            }
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Sets (or, with nil, removes) the one observer told of every entry appended from now on.
    public func observe(_ observer: (@Sendable (AuditEntry) -> Void)?) {
        self.observer = observer
    }

    /// Appends one line for `entry`. A failed write is counted in ``failedWrites`` (the change it
    /// describes has already happened, so it is not undone).
    public func append(_ entry: AuditEntry) {
        defer { observer?(entry) }
        let line = Array((entry.jsonLine + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written != line.count {
            failedWrites += 1
            lastError = written < 0 ? String(cString: strerror(errno)) : "short write"
        }
    }
}
