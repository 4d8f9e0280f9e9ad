/// Reads a TTL the way an operator types it: `90` (seconds), `30s`, `5m`, `1h`, `2d`, or a
/// combination such as `1h30m`. Anything else is refused with a message that says what is accepted.
public enum TTLParser {
    /// Why a typed TTL was refused.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let input: String
        public let reason: String
        public var description: String { "invalid TTL \"\(input)\": \(reason) (use e.g. 90, 30s, 5m, 1h, 2d)" }
    }

    /// The largest TTL accepted: 100 years, far below Redis's own limit.
    public static let maximumSeconds: Int64 = 100 * 365 * 86400

    /// Parses `text` into whole seconds (> 0).
    /// - Throws: `TTLParser.Failure` for empty, non-numeric, zero, negative, overflowing or unknown-unit input.
    public static func seconds(_ text: String) throws(Failure) -> Int64 {
        let input = text.trimmingCharacters(in: " \t")
        guard !input.isEmpty else { throw Failure(input: text, reason: "empty") }
        var total: Int64 = 0
        var digits = ""
        var sawUnit = false
        for ch in input {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
                guard digits.count <= 12 else { throw Failure(input: text, reason: "too large") }
                continue
            }
            let multiplier: Int64
            switch ch {
            case "s", "S": multiplier = 1
            case "m", "M": multiplier = 60
            case "h", "H": multiplier = 3600
            case "d", "D": multiplier = 86400
            case "w", "W": multiplier = 7 * 86400
            case "-": throw Failure(input: text, reason: "must be positive")
            default: throw Failure(input: text, reason: "unexpected \"\(ch)\"")
            }
            guard let n = Int64(digits) else { throw Failure(input: text, reason: "a unit needs a number before it") }
            total += n * multiplier
            digits = ""
            sawUnit = true
            guard total <= maximumSeconds else { throw Failure(input: text, reason: "longer than 100 years") }
        }
        if !digits.isEmpty {
            guard let n = Int64(digits) else { throw Failure(input: text, reason: "not a number") }
            // A bare number is seconds, but "1h30" is ambiguous: refuse it rather than guess.
            if sawUnit { throw Failure(input: text, reason: "a number after a unit needs its own unit") }
            total += n
        }
        guard total <= maximumSeconds else { throw Failure(input: text, reason: "longer than 100 years") }
        guard total > 0 else { throw Failure(input: text, reason: "must be at least 1 second") }
        return total
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
