/// What `update` asks the runtime to do on the network or disk side. Effects run off the
/// UI loop and report back as messages.
import Inspector

public enum AppEffect: Sendable, Equatable {
    case quit
    /// Leave this connection and open the named one from the config file (`:ctx NAME`).
    case switchContext(String)
    case loadTheme(String)
    /// Write the current screen (text) and figures (JSON) to timestamped files.
    case dumpScreen
    /// Start recording into `path` (nil: a timestamped file in the current directory).
    case startRecording(path: String?)
    /// Stop recording (the file is committed and closed).
    case stopRecording
    /// (Re)index the keyspace of node `node`; the filter's glob goes to the server as SCAN MATCH.
    case startScan(node: Int, filter: KeyFilter)
    /// Read a key's detail and the first page of its value.
    case openKey(node: Int, key: [UInt8], type: RedisKeyType)
    /// Send a change through the mutation path of node `node`.
    case mutate(node: Int, MutationRequest)
    /// Read these keys again into the index (after a change, or when they were found gone).
    case refreshKeys(node: Int, keys: [[UInt8]])
    /// Read the page of a value starting at `cursor`.
    case loadValuePage(node: Int, key: [UInt8], type: RedisKeyType, cursor: ValueCursor)
    /// Refresh the server pane of node `node` every interval (replacing any running poll).
    case pollServer(node: Int)
    /// Stop the server pane's poll (the pane is out of view).
    case stopServerPolling
    /// Read the first `limit` members of `key` every interval (replacing any running poll).
    case pollLeaderboard(node: Int, key: [UInt8], order: LeaderboardOrder, limit: Int)
    /// Stop the leaderboard's poll (the pane is out of view).
    case stopLeaderboardPolling
    /// Run the cache doctor over node `node`'s keyspace index (whatever it holds so far).
    /// `probeHotKeys`: also run the recent-use hot-key probe (a few seconds) when there is no LFU.
    case runDoctor(node: Int, probeHotKeys: Bool = false)
    /// Subscribe node `node`'s subscriber connection to `names` (made on first use).
    case subscribe(node: Int, kind: ChannelKind, names: [[UInt8]])
    /// Unsubscribe from `names` (every name of `kind` when empty).
    case unsubscribe(node: Int, kind: ChannelKind, names: [[UInt8]])
    /// `PUBLISH` through node `node`'s mutation path (refused in read-only mode, audited).
    case publish(node: Int, channel: [UInt8], message: [UInt8])
    /// Read `notify-keyspace-events`.
    case checkKeyspaceEvents(node: Int)
    /// Read the node's active channels and their subscriber counts (bounded; see `ActiveChannels`).
    case listChannels(node: Int)
    /// Set `notify-keyspace-events` through the mutation path (a confirmed, dangerous action).
    case setKeyspaceEvents(node: Int, flags: String, previous: String)
    /// Look up the rank of `member` in `key` (`ZREVRANK`/`ZRANK`).
    case findMember(node: Int, key: [UInt8], member: [UInt8], order: LeaderboardOrder)
    /// Read how many members each of `keys` holds (`ZCARD`, one pipeline).
    case countSortedSets(node: Int, keys: [[UInt8]])
    /// Replay only: what the replay must do after its clock moved or a replay key asked.
    case replay(ReplayRequest)
}

/// What a replay's update asks of the replay runtime.
public enum ReplayRequest: Sendable, Equatable {
    /// The clock jumped: show the recording as at the new position.
    case rebuild
}
