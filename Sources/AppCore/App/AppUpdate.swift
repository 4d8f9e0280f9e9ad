// The one place state changes: each message goes to the pane (or app part) it concerns.
import Inspector
import TerminalUI

/// `update(&state, message)` applies a message and returns the effects to run. Pure: no I/O, no
/// clocks, so every behaviour is testable as data.
///
/// Panes are components: each pane's update gets its own state and a ``PaneContext``; what it asks
/// of the app or of another pane comes back as ``PaneRequest``s, routed here
/// (`AppUpdate+Routing.swift`). Keys go by ``InputFocus`` (`AppUpdate+Input.swift`); the `:` command
/// line is `AppUpdate+Commands.swift`.
public enum AppUpdate {
    public static func update(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
        switch message {
        case .terminal(let event):
            return handle(event, &state)
        case .sampled(let index, let outcome):
            return sampled(index, outcome, &state)
        case .tick(let now, let wall):
            state.now = max(state.now, now)
            state.wallMilliseconds = wall
            if let status = state.status, status.expires <= state.now { state.status = nil }
            return []
        case .themeLoaded(let name, let result):
            themeLoaded(name, result, &state)
            return []
        case .keyspaceUpdated(let node, let update, let clusterWide):
            guard clusterWide == state.keys.spansCluster else { return [] }
            let effects = inPane(\.keys, &state) { keys, context in
                KeysUpdate.scanUpdated(node, update, &keys, &context)
                return DoctorUpdate.scanUpdated(node, update, &keys, &context) + KeysUpdate.lookUpVisible(&keys, context)
            }
            guard state.keys.node == node else { return effects }
            // With nothing watched, the leaderboard offers the sorted sets the index holds.
            return effects + inPane(\.leaderboard, &state) { LeaderboardUpdate.indexUpdated(node, update, &$0, &$1) }
        case .keyspacePictured(let estimates):
            guard state.keys.spansCluster else { return [] }
            return inPane(\.keys, &state) { keys, context in
                keys.picture = KeyspacePicture(estimates)
                KeysUpdate.rebuild(&keys, context, keepSelection: true)
                return []
            }
        case .doctorFinished(let node, let result):
            return inPane(\.keys, &state) {
                DoctorUpdate.finished(node, result, &$0, &$1)
                return []
            }
        case .keyDetailLoaded(let key, let result):
            return inPane(\.keys, &state) {
                KeysUpdate.detailLoaded(key, result, &$0, &$1)
                return []
            }
        case .valuePageLoaded(let key, let result):
            return inPane(\.keys, &state) {
                KeysUpdate.pageLoaded(key, result, &$0, &$1)
                return []
            }
        case .valueSummaryLoaded(let key, let result):
            return inPane(\.keys, &state) {
                KeysUpdate.summaryLoaded(key, result, &$0, &$1)
                return []
            }
        case .mutationFinished(let result) where result.isClientKill:
            return inPane(\.server, &state) {
                ClientKillUpdate.finished(result, &$0, &$1)
                return []
            }
        case .mutationFinished(let result):
            return inPane(\.keys, &state) { keys, context in
                DoctorUpdate.mutationFinished(result, &keys, &context)
                return MutationUpdate.finished(result, &keys, &context)
            }
        case .serverSnapshotLoaded(let node, let result):
            return inPane(\.server, &state) {
                ServerUpdate.loaded(node, result, &$0, &$1)
                return []
            }
        case .leaderboardLoaded(let node, let key, let result):
            return inPane(\.leaderboard, &state) {
                LeaderboardUpdate.loaded(node, key, result, &$0, &$1)
                return []
            }
        case .sortedSetsCounted(let node, let keys, let result):
            return inPane(\.leaderboard, &state) {
                LeaderboardUpdate.counted(node, keys, result, &$0, &$1)
                return []
            }
        case .memberRankFound(let key, let member, let result):
            return inPane(\.leaderboard, &state) {
                LeaderboardUpdate.rankFound(key, member, result, &$0, &$1)
                return []
            }
        case .pubsubReceived(let node, let batch, let now):
            state.now = max(state.now, now)
            return inPane(\.pubsub, &state) {
                PubSubUpdate.received(node: node, batch: batch, now: now, &$0, &$1)
                return []
            }
        case .published(let channel, let result):
            return inPane(\.pubsub, &state) {
                PubSubUpdate.published(channel: channel, result: result, &$0, &$1)
                return []
            }
        case .channelsListed(let node, let result):
            return inPane(\.pubsub, &state) {
                PubSubUpdate.channelsListed(node: node, result: result, &$0, &$1)
                return []
            }
        case .keyspaceEventsChecked(let node, let result):
            return inPane(\.pubsub, &state) { PubSubUpdate.keyspaceChecked(node: node, result: result, &$0, &$1) }
        case .keyspaceEventsSet(let node, let flags, let previous, let error):
            return inPane(\.pubsub, &state) { PubSubUpdate.keyspaceSet(node: node, flags: flags, previous: previous, error: error, &$0, &$1) }
        case .clusterChanged(let overview, let added):
            ClusterUpdate.changed(overview, added: added, &state)
            return []
        case .sentinelChanged(let overview, let added):
            return SentinelUpdate.changed(overview, added: added, &state)
        case .sentinelUnconfirmed(let reason):
            SentinelUpdate.unconfirmed(reason, &state)
            return []
        case .sentinelListening(let addresses):
            state.sentinel?.listening = Set(addresses)
            return []
        case .sentinelEvents(let events):
            SentinelUpdate.received(events, &state)
            return []
        case .dumpFinished(let result):
            switch result {
            case .success(let paths): state.status = StatusMessage("dumped to \(paths.joined(separator: ", "))", kind: .success, now: state.now, lifetime: 10)
            case .failure(let error): state.status = StatusMessage("dump failed: \(error)", kind: .error, now: state.now, lifetime: 10)
            }
            return []
        }
    }

    /// A node's sample (or failure): its health, the alerts, and the panes that follow it.
    static func sampled(_ index: Int, _ outcome: SampleOutcome, _ state: inout AppState) -> [AppEffect] {
        guard state.nodes.indices.contains(index) else { return [] }
        let wasDown = state.nodes[index].isDown
        switch outcome {
        case .sample(let sample):
            state.now = max(state.now, sample.time)
            state.nodes[index].record(sample)
            // The server pane's per-command totals come from the polled node's INFO.
            if state.server.node == index { state.server.record(sample.info) }
            // In a cluster the replication section shows every shard: each primary's INFO joins it.
            if state.cluster != nil, sample.role == "master" { state.server.recordShard(state.nodes[index].address, sample.info) }
        case .failure(let error, let time):
            state.now = max(state.now, time)
            state.nodes[index].recordFailure(error, at: time)
        }
        // A replay shows the recorded alert transitions, not alerts made again from samples.
        if state.replay == nil { state.alerts.evaluate(state.nodes[index], at: state.now) }
        // The node is back: a keys scan that failed while it was down starts again by itself.
        if wasDown, !state.nodes[index].isDown {
            return inPane(\.keys, &state) { KeysUpdate.nodeRecovered(index, &$0, &$1) }
        }
        return []
    }

    static func themeLoaded(_ name: String, _ result: Result<LoadedTheme, ThemeLoadError>, _ state: inout AppState) {
        switch result {
        case .success(let loaded):
            state.theme = loaded.theme.resolved(for: state.colorSupport)
            state.themeName = name
            let fellBack = loaded.fellBack.isEmpty ? "" : " (default used for: \(loaded.fellBack.joined(separator: ", ")))"
            state.status = StatusMessage("theme \(name)\(fellBack)", kind: .success, now: state.now)
        case .failure(let error):
            state.status = StatusMessage(DisplayText(sanitizing: error.description), kind: .error, now: state.now, lifetime: 10)
        }
    }
}
