/// The recent-use probe's shape and cost: `OBJECT IDLETIME` over at most `sampledKeys` keys, in
/// `rounds` rounds `interval` seconds apart. Run instead of `OBJECT FREQ` when the policy keeps no
/// LFU counters and the user asks for it.
public struct RecentUseProbe: Sendable, Hashable {
    public var rounds: Int
    /// Seconds between rounds.
    public var interval: Double
    /// The most keys asked each round.
    public var sampledKeys: Int

    public init(rounds: Int, interval: Double, sampledKeys: Int) {
        self.rounds = rounds
        self.interval = interval
        self.sampledKeys = sampledKeys
    }

    /// Read commands the probe sends at most.
    public var readCommands: Int { rounds * sampledKeys }
}
