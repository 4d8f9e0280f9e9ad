// The Horvitz–Thompson total and its variance under each sample design: the maths of the estimates.

/// Sums of a quantity over the sample units of one stratum, and the total they estimate.
///
/// Units are keys under ``SampleDesign/bernoulli(fraction:)`` and slots under
/// ``SampleDesign/slots(sampled:total:)`` (then `y` is the slot's total for the quantity, and a
/// sampled slot without any of it adds nothing to the sums but still counts in `n`).
struct HorvitzThompson: Sendable, Hashable {
    /// Σ y over the sampled units.
    var sum: Double = 0
    /// Σ y² over the sampled units.
    var sumOfSquares: Double = 0
    /// Σ of the units' own variances (two-stage sampling: a slot walked in part estimates its total).
    var within: Double = 0
    /// What the sample itself holds (Σ of the values seen, before any weighing up).
    var seen: Double = 0

    /// Adds a unit's total `y`; for a unit seen in part, `y` is its estimated total, `variance`
    /// that estimate's variance and `seen` what was seen of it.
    mutating func add(_ y: Double, variance: Double = 0, seen raw: Double? = nil) {
        sum += y
        sumOfSquares += y * y
        within += variance
        seen += raw ?? y
    }

    /// The estimated total and the estimated variance of that estimate under `design`.
    ///
    /// - complete: Σy, variance 0.
    /// - Bernoulli with inclusion probability π = f: Σy/f, variance (1−f)/f² · Σy² (the unbiased
    ///   estimator of the HT variance under Poisson sampling, Σ(1−π)/π² · y²).
    /// - n of N slots by simple random sampling: N/n · Σy, variance N²(1−n/N)·s²/n + N/n·Σvᵢ, with
    ///   s² the sample variance of the slot totals (over all n slots, zeros included) and vᵢ the
    ///   variance of a slot total that was itself estimated (a slot walked in part). With a single
    ///   slot there is no spread to measure: s² is taken as Σy², as if the other had held nothing.
    func total(under design: SampleDesign) -> (value: Double, variance: Double) {
        switch design {
        case .complete:
            return (sum, 0)
        case .bernoulli(let f):
            guard f < 1 else { return (sum, 0) }
            guard f > 0 else { return (0, 0) }
            return (sum / f, (1 - f) / (f * f) * sumOfSquares)
        case .slots(let n, let total):
            guard n > 0 else { return (0, 0) }
            let nd = Double(n)
            let N = Double(Swift.max(total, n))
            let spread = n > 1 ? Swift.max(0, (sumOfSquares - sum * sum / nd) / (nd - 1)) : sumOfSquares
            return (N / nd * sum, N * N * (1 - nd / N) * spread / nd + N / nd * within)
        }
    }

    /// The inverse inclusion probability of one sampled unit under `design` (HT weight; under
    /// slot sampling, of the slot, before its own share).
    static func weight(under design: SampleDesign) -> Double {
        switch design {
        case .complete: 1
        case .bernoulli(let f): f > 0 && f < 1 ? 1 / f : 1
        case .slots(let n, let total): n > 0 && n < total ? Double(total) / Double(n) : 1
        }
    }
}
