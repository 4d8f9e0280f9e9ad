import Foundation

/// A seeded random generator and a time budget for the fuzz tests that run in CI.
///
/// The seed is fixed per test (derived from its name), so a CI run is reproducible and a red run
/// is not luck; `CACHESCOPE_FUZZ_SEED=random` explores new inputs, `CACHESCOPE_FUZZ_SEED=<hex>`
/// replays one. Every failure message carries `seed=…`. The time budget bounds the run, so a
/// slower machine tries a shorter prefix of the same sequence.
public struct FuzzBudget {
    public let seed: UInt64
    public var random: SeededRandom
    private let deadline: ContinuousClock.Instant
    public private(set) var iterations = 0

    public init(seconds: Double = 3, file: String = #fileID, test: String = #function) {
        let setting = ProcessInfo.processInfo.environment["CACHESCOPE_FUZZ_SEED"]
        if setting == "random" {
            seed = UInt64.random(in: 1 ... .max)
        } else {
            // FNV-1a of the test's file and name: stable across runs and machines.
            seed = setting.flatMap { UInt64($0, radix: 16) } ?? (file + test).utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        }
        random = SeededRandom(state: seed)
        deadline = .now + .milliseconds(Int(seconds * 1000))
        // Printed up front too: a crash (trap, abort in C code) never reaches a failure message.
        print("fuzz \(replay)")
    }

    /// With `CACHESCOPE_FUZZ_TRACE=FILE`, writes each input there before it is tried, so the
    /// input that crashed the process is left behind.
    public func trace(_ input: String) {
        guard let path = ProcessInfo.processInfo.environment["CACHESCOPE_FUZZ_TRACE"] else { return }
        try? input.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// `true` while time is left; counts iterations.
    public mutating func next() -> Bool {
        iterations += 1
        return ContinuousClock.now < deadline
    }

    /// `seed=…` for failure messages: replay with `CACHESCOPE_FUZZ_SEED=… swift test --filter …`.
    public var replay: String { "seed=\(String(seed, radix: 16)) (replay: CACHESCOPE_FUZZ_SEED=\(String(seed, radix: 16)))" }
}
