import Foundation

/// A seeded random generator and a time budget for the fuzz tests that run in CI.
///
/// The seed is random per run (so CI keeps exploring) unless `CACHESCOPE_FUZZ_SEED` is set; every
/// failure message carries `seed=…` so it can be replayed with that variable.
struct FuzzBudget {
    let seed: UInt64
    var random: SeededRandom
    private let deadline: ContinuousClock.Instant
    private(set) var iterations = 0

    init(seconds: Double = 3) {
        let given = ProcessInfo.processInfo.environment["CACHESCOPE_FUZZ_SEED"].flatMap { UInt64($0, radix: 16) }
        seed = given ?? UInt64.random(in: 1 ... .max)
        random = SeededRandom(state: seed)
        deadline = .now + .milliseconds(Int(seconds * 1000))
        // Printed up front too: a crash (trap, abort in C code) never reaches a failure message.
        print("fuzz \(replay)")
    }

    /// With `CACHESCOPE_FUZZ_TRACE=FILE`, writes each input there before it is tried, so the
    /// input that crashed the process is left behind.
    func trace(_ input: String) {
        guard let path = ProcessInfo.processInfo.environment["CACHESCOPE_FUZZ_TRACE"] else { return }
        try? input.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// `true` while time is left; counts iterations.
    mutating func next() -> Bool {
        iterations += 1
        return ContinuousClock.now < deadline
    }

    /// `seed=…` for failure messages: replay with `CACHESCOPE_FUZZ_SEED=… swift test --filter …`.
    var replay: String { "seed=\(String(seed, radix: 16)) (replay: CACHESCOPE_FUZZ_SEED=\(String(seed, radix: 16)))" }
}

/// SplitMix64.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutations shared by the text fuzzers.
enum TextMutator {
    static let interesting: [String] = [
        "", " ", "\t", "\n", "\r\n", "\0", "-", "+", "0", "-1", "1e9", "99999999999999999999", "9223372036854775808",
        "%", "%zz", "%00", "@", ":", "::", "[", "]", "/", "//", "?", "#", "\u{202E}", "\u{200B}", "\u{FEFF}",
        "١٢٣", "𝟙", "é", "\"", "'", "\\", "=", "[[", "]]", "{", "}", ",", "\u{1B}[2J", "\u{7F}", "s", "m", "h", "d", "w",
    ]

    /// A copy of `text` with a few random edits: insert, delete, replace, duplicate a slice.
    static func mutate(_ text: String, using random: inout SeededRandom) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                scalars.insert(contentsOf: interesting.randomElement(using: &random)!.unicodeScalars, at: position)
            case 1 where !scalars.isEmpty:
                let end = min(scalars.count, position + Int.random(in: 1...4, using: &random))
                if position < end { scalars.removeSubrange(position..<end) }
            case 2 where position < scalars.count:
                scalars[position] = Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random))
            case 3 where position < scalars.count:
                let end = min(scalars.count, position + Int.random(in: 1...8, using: &random))
                scalars.insert(contentsOf: scalars[position..<end], at: position)
            default:
                if let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &random)) {
                    scalars.insert(scalar, at: position)
                }
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
