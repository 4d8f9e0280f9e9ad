import Inspector

/// Sentinel mode: the group as last read, the session's failover timeline, and whether a primary
/// is confirmed (changes wait while it is not).
public struct SentinelState: Sendable, Equatable {
    public var masterName: String
    /// The group as last read (nil before the first read).
    public var overview: SentinelOverview?
    public var timeline = FailoverTimeline()
    /// The last read confirmed the primary with ROLE, and no failover is between its start and
    /// `+switch-master`.
    public var primaryConfirmed = true
    /// The sentinels said `+odown` of the primary and not yet `-odown` or `+switch-master`.
    public var primaryObjectivelyDown = false
    /// The sentinels whose events arrive (subscribed and connected).
    public var listening: Set<String> = []
    /// Why the last read failed, if it did.
    public var lastError: String?

    public init(masterName: String, overview: SentinelOverview? = nil) {
        self.masterName = masterName
        self.overview = overview
    }

    /// Why a change is refused now, or nil when the primary is confirmed.
    public var changeRefusal: String? {
        primaryConfirmed ? nil : "change refused: failover in progress, no primary of \(masterName) confirmed yet (try again when one is)"
    }

    /// Whether the running failover (if any) has switched the primary already.
    var switchedInCurrentFailover: Bool {
        guard timeline.inFailover else { return true }
        return timeline.failover(timeline.failoverCount).contains { $0.event.name == "+switch-master" }
    }
}
