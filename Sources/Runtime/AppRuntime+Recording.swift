import AppCore
import Foundation
import Inspector
import Recording
import TerminalUI

// Recording: the tap is fed by the loop; the audit log tells it of the operator's actions.
extension AppRuntime {
    /// Starts recording into a new file at `path`; the status line says where, or why not.
    func startRecording(_ path: String) async {
        await stopRecording()
        let started = wallClockMilliseconds()
        let meta = [
            "label": state.connectionLabel, "interval_ms": "\(Int64(state.interval * 1000))", "cachescope_version": cachescopeVersion,
        ]
        let writer: RecordingWriter
        do { writer = try RecordingWriter(path: path, startedAtMilliseconds: started, meta: meta) } catch {
            setStatus("cannot record to \(path): \(error)", kind: .error)
            return
        }
        let tap = RecordingTap(writer: writer)
        recording = tap
        state.recordingPath = path
        let addresses = tap.addresses
        await auditLog?.observe { entry in
            RecordingTap.action(entry, node: addresses.number(of: entry.node), writer: writer, wallMilliseconds: wallClockMilliseconds())
        }
        writer.append([.event(t: 0, node: nil, kind: "recording", key: nil, detail: "started")])
        setStatus("recording to \(path)", kind: .info)
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
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "cachescope-\(formatter.string(from: Date(timeIntervalSince1970: Double(wallMilliseconds) / 1000))).db"
    }
}
