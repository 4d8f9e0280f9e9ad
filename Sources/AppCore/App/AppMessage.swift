import Inspector
import TerminalUI

/// Everything that can happen to the app arrives as one of these, in one stream.
public enum AppMessage: Sendable {
    case terminal(TerminalEvent)
    /// A sample of node `node` (an index into `AppState.nodes`), or why it failed.
    case sampled(node: Int, outcome: SampleOutcome)
    /// The clock moved (TTL countdowns, status expiry) without anything else happening.
    /// `now` is monotonic seconds; `wallMilliseconds` the wall clock, for TTL deadlines.
    case tick(now: Double, wallMilliseconds: Int64)
    /// The keyspace scanner of node `node` (or, `clusterWide`, of the whole cluster) published a
    /// newer index snapshot. In cluster mode both kinds of scan may report for node 0: only the
    /// one matching the keys pane's scope is applied.
    case keyspaceUpdated(node: Int, update: KeyspaceScanUpdate, clusterWide: Bool = false)
    /// A cluster's first picture, sampled across every shard while its exact walk runs.
    case keyspacePictured(KeyspaceEstimates)
    /// The detail of an opened key arrived (nil: the key is gone), or why not.
    case keyDetailLoaded(key: [UInt8], result: Result<KeyDetail?, LoadError>)
    /// A page of an opened key's value arrived, or why not.
    case valuePageLoaded(key: [UInt8], result: Result<ValuePage, LoadError>)
    /// An opened stream's, vector set's or module value's summary arrived, or why not.
    case valueSummaryLoaded(key: [UInt8], result: Result<ValueSummary, LoadError>)
    /// A server pane refresh of node `node` (slow log, clients, latency), or why it failed.
    case serverSnapshotLoaded(node: Int, result: Result<ServerSnapshot, LoadError>)
    /// A refresh of the watched sorted set `key` on node `node`, or why it failed.
    case leaderboardLoaded(node: Int, key: [UInt8], result: Result<LeaderboardSnapshot, LoadError>)
    /// The 1-based rank of `member` in `key` (nil: not a member), or why it could not be read.
    case memberRankFound(key: [UInt8], member: [UInt8], result: Result<Int64?, LoadError>)
    /// The member counts of sorted sets `keys` (nil: gone or not a sorted set), or why not.
    case sortedSetsCounted(node: Int, keys: [[UInt8]], result: Result<[Int64?], LoadError>)
    /// A theme finished loading (or failed) after `:theme` / `--theme`.
    case themeLoaded(name: String, result: Result<LoadedTheme, ThemeLoadError>)
    /// The mutation path answered a request.
    case mutationFinished(MutationResult)
    /// The cache doctor's report for node `node`, or why it could not run.
    case doctorFinished(node: Int, result: Result<DoctorReport, LoadError>)
    /// What a subscriber of node `node` received in the last ~100 ms (`now`: monotonic seconds).
    case pubsubReceived(node: Int, batch: ReceivedMessages, now: Double)
    /// `:pub` answered: how many subscribers received the message, or why it failed.
    case published(channel: [UInt8], result: Result<Int64, LoadError>)
    /// The channels other clients of node `node` listen to were read, or could not be.
    case channelsListed(node: Int, result: Result<ActiveChannels, LoadError>)
    /// `notify-keyspace-events` of node `node` was read, or could not be.
    case keyspaceEventsChecked(node: Int, result: Result<KeyspaceEventsSetting, LoadError>)
    /// `notify-keyspace-events` was set to `flags` (from `previous`), or `error` says why not.
    case keyspaceEventsSet(node: Int, flags: String, previous: String, error: LoadError?)
    /// A screen dump was written (paths) or failed (reason).
    case dumpFinished(Result<[String], DumpError>)
    /// The cluster's topology changed; `added` are new nodes, appended to `AppState.nodes` in order.
    case clusterChanged(ClusterOverview, added: [String])
    /// Sentinel mode: the group was read (primary confirmed); `added` are new nodes, appended to
    /// `AppState.nodes` in order.
    case sentinelChanged(SentinelOverview, added: [String])
    /// Sentinel mode: the group could not be read, or no primary confirmed (the reason).
    case sentinelUnconfirmed(String)
    /// Sentinel mode: the sentinels whose events are being received (`host:port`).
    case sentinelListening([String])
    /// Sentinel mode: events the sentinels published about the group.
    case sentinelEvents([SentinelEvent])
}

/// Why a screen dump could not be written.
public struct DumpError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Why something asked of a node could not be read: the error text, with the node.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
