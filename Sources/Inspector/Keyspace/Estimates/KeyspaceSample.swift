// What a partial (or complete) walk of one node brings back: the keys seen, and how they were drawn.

/// One node's sample: a stratum of the estimate. Nodes are walked independently, so their
/// estimates and variances add.
public struct KeyspaceSample: Sendable, Hashable {
    /// Which node (e.g. `127.0.0.1:7000`).
    public var node: String
    /// How the keys were drawn.
    public var design: SampleDesign
    /// The keys seen, each once (keys gone before their lookup left out).
    public var keys: [SampledKey]
    /// The share of the node's keys behind the walk, 0…1 (by the cursor; by the probed keys of the
    /// completed slots under slot sampling).
    public var visitedFraction: Double
    /// `DBSIZE` when the walk started (the stratum's probed keys under slot sampling).
    public var population: Int
    /// Under slot sampling, the slots the walk stopped in → the share of each one's table behind
    /// its cursor (each such slot's keys are a Bernoulli sample of it); other slots were walked whole.
    public var slotFractions: [Int: Double]
    /// The share of the keys walked that the sample keeps: 1, or a uniform hash sample past the
    /// index budget (``KeyspaceSampler/sample(_:node:until:policy:seed:readOnlyReplica:share:counter:)``).
    public var sampleRate: Double
    /// Every key name the walk returned, counted per prefix, when the walk counted them.
    public var prefixCounter: PrefixCounter?

    public init(
        node: String, design: SampleDesign, keys: [SampledKey], visitedFraction: Double, population: Int, slotFractions: [Int: Double] = [:],
        sampleRate: Double = 1, prefixCounter: PrefixCounter? = nil
    ) {
        self.node = node
        self.design = design
        self.keys = keys
        self.visitedFraction = visitedFraction
        self.population = population
        self.slotFractions = slotFractions
        self.sampleRate = sampleRate
        self.prefixCounter = prefixCounter
    }
}
