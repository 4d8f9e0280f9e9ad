// The check a single walk's interval is held to in these tests.
@testable import Inspector

extension Estimate {
    /// Whether `truth` lies in this 95% interval widened to 99.9% (z 1.96 → 3.29).
    ///
    /// One walk's intervals checked once: at 95% a prefix misses one run in twenty, and nested
    /// prefixes (`cache:` and `cache:page:`) miss together, so a nominal interval fails runs by
    /// chance. At 99.9% a miss is a one-in-a-thousand event, while an estimator off by a real bias
    /// still misses across many prefixes. Nominal 95% coverage is measured pooled: the 20 windows
    /// of ``EstimateAccuracyTests`` and the `keyspace-scale` benchmark.
    func holdsAt999(_ truth: Double) -> Bool {
        let widen = 3.29 / 1.96
        return truth >= value - (value - low) * widen && truth <= value + (high - value) * widen
    }
}
