// How one node's keys came into a sample: the design the Horvitz–Thompson estimates divide by.

/// How the keys of one node (one stratum) were sampled, which fixes each key's chance of being in
/// the sample (its inclusion probability) and so how totals and their variance are estimated.
public enum SampleDesign: Sendable, Hashable {
    /// Every key was seen: figures are exact.
    case complete
    /// A reverse-binary walk over one hash table stopped part way: each key was seen with
    /// probability `fraction` (the share of hash space behind the cursor), independently of the
    /// others and of its name, since a seeded hash places it. Poisson (Bernoulli) sampling.
    case bernoulli(fraction: Double)
    /// `sampled` of the stratum's `total` non-empty slots, drawn uniformly without replacement,
    /// each walked to its end or by a known share (``KeyspaceSample/slotFractions``): two-stage
    /// sampling with slots as the units, so keys that share a hash tag (one slot) are in or out
    /// together and the interval widens by how uneven slots are. Never complete: a stratum whose
    /// slots were all walked whole is ``complete``.
    case slots(sampled: Int, total: Int)

    /// Whether figures from this design are exact.
    public var isComplete: Bool {
        switch self {
        case .complete: true
        case .bernoulli(let f): f >= 1
        case .slots: false
        }
    }
}
