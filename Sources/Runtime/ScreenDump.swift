// Screen dumps: the screen as text and the figures as JSON, side by side.
import AppCore
import Foundation

/// Writes the screen as text and the figures as JSON to timestamped files, for incident notes.
enum ScreenDump {
    /// - Returns: the two paths written, or why not.
    static func write(screen: String, figures: String, to directory: String, at date: Date) -> Result<[String], DumpError> {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: date)
        let base = (directory as NSString).appendingPathComponent("cachescope-\(stamp)")
        let textPath = base + ".txt"
        let jsonPath = base + ".json"
        do {
            try (screen + "\n").write(toFile: textPath, atomically: true, encoding: .utf8)
            try (figures + "\n").write(toFile: jsonPath, atomically: true, encoding: .utf8)
            return .success([textPath, jsonPath])
        } catch {
            return .failure(DumpError("\(directory): \(error.localizedDescription)"))
        }
    }
}
