import Foundation

/// Makes private temporary directories (`mkdtemp`).
enum TemporaryDirectory {
    static func make(prefix: String) throws -> String {
        let base = NSTemporaryDirectory()
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast())
        template += Array("\(prefix).XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let pointer = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: pointer)
        }
        guard let made else { throw LocalRedisError("could not create a temporary directory in \(base)") }
        return made
    }
}
