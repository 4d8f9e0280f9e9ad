import AppCore
import Foundation
import Inspector
import Recording
import TerminalUI

// Recording: the tap is fed by the loop; the audit log tells it of the operator's actions.
extension AppRuntime {
    /// Starts recording into a new file at `path` (`~` is the home directory; an existing file is
    /// never overwritten: the recording goes beside it, with the time in its name); the status
    /// line says where, or why not.
    func startRecording(_ requested: String) async {
        await stopRecording()
        let started = wallClockMilliseconds()
        let path = RecordingFileName.available(requested, wallMilliseconds: started)
        let meta = [
            "label": state.connectionLabel, "interval_ms": "\(Int64(state.interval * 1000))", "cachescope_version": cachescopeVersion,
        ]
        let writer: RecordingWriter
        do { writer = try RecordingWriter(path: path, startedAtMilliseconds: started, meta: meta) } catch {
            setStatus("cannot record to \(path): \(error)", kind: .error)
            return
        }
        let interval = recordingPrefixInterval.components
        let tap = RecordingTap(writer: writer, prefixInterval: interval.seconds * 1000 + interval.attoseconds / 1_000_000_000_000_000)
        recording = tap
        state.recordingPath = path
        let addresses = tap.addresses
        await auditLog?.observe { entry in
            RecordingTap.action(entry, node: addresses.number(of: entry.node), writer: writer, wallMilliseconds: wallClockMilliseconds())
        }
        writer.append([.event(t: 0, node: nil, kind: "recording", key: nil, detail: "started")])
        let existed = path != NSString(string: requested).expandingTildeInPath
        setStatus(existed ? "recording to \(path) (\(requested) exists)" : "recording to \(path)", kind: .info)
    }

    /// Stops recording (commits and closes the file); nothing when not recording.
    func stopRecording() async {
        guard var tap = recording else { return }
        await auditLog?.observe(nil)
        tap.writer.append([.event(t: tap.writer.t(wallMilliseconds: wallClockMilliseconds()), node: nil, kind: "recording", key: nil, detail: "stopped")])
        tap.close()
        recording = nil
        state.recordingPath = nil
        setStatus("recording stopped: \(tap.writer.path)", kind: .info)
    }

    private func setStatus(_ text: String, kind: StatusMessage.Kind) {
        state.status = StatusMessage(DisplayText(sanitizing: text), kind: kind, now: MonotonicClock.now(), lifetime: 8)
    }
}

/// The file `:record start` writes when none is named.
enum RecordingFileName {
    /// `cachescope-20261205-031800.db` (UTC), in the current directory.
    static func timestamped(wallMilliseconds: Int64) -> String {
        "cachescope-\(stamp(wallMilliseconds)).db"
    }

    /// `path` with `~` expanded, or, when that file exists (a `record =` file from an earlier
    /// session), the same name with the time before its extension: `prod-20261205-031800.db`.
    static func available(_ path: String, wallMilliseconds: Int64) -> String {
        let expanded = NSString(string: path).expandingTildeInPath
        guard FileManager.default.fileExists(atPath: expanded) else { return expanded }
        let url = URL(fileURLWithPath: expanded)
        let stem = url.deletingPathExtension().path
        let suffix = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
        return "\(stem)-\(stamp(wallMilliseconds))\(suffix)"
    }

    private static func stamp(_ wallMilliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date(timeIntervalSince1970: Double(wallMilliseconds) / 1000))
    }
}
