import Inspector
import TerminalUI

/// How the state follows a Sentinel group: new nodes join the node list, a promotion moves the
/// panes to the new primary, the events go on the failover timeline and into the status line,
/// and changes wait while no primary is confirmed. Down nodes stay listed.
enum SentinelUpdate {
    static func changed(_ overview: SentinelOverview, added: [String], _ state: inout AppState) -> [AppEffect] {
        // The runtime appended one connection per added address, in this order: keep indices aligned.
        for address in added { state.nodes.append(NodeHealth(address: address)) }
        var sentinel = state.sentinel ?? SentinelState(masterName: overview.masterName)
        let previous = sentinel.overview?.primaryAddress
        let before = state.currentNode
        sentinel.overview = overview
        sentinel.lastError = nil
        let wasConfirmed = sentinel.primaryConfirmed
        sentinel.primaryConfirmed = sentinel.switchedInCurrentFailover
        state.sentinel = sentinel
        state.alerts.evaluate(sentinel: overview, failoverRunning: sentinel.timeline.inFailover, primaryDown: sentinel.primaryObjectivelyDown, at: state.now)
        if let previous, previous != overview.primaryAddress {
            state.status = StatusMessage("sentinel: \(overview.primaryAddress) is the primary of \(overview.masterName) now (was \(previous))", kind: .warning, now: state.now, lifetime: 15)
        } else if !wasConfirmed, sentinel.primaryConfirmed {
            state.status = StatusMessage("sentinel: primary \(overview.primaryAddress) confirmed; changes are accepted again", kind: .success, now: state.now, lifetime: 10)
        }
        // The panes that work on one node follow the primary (unless a node is focused with :node).
        guard state.currentNode != before else { return [] }
        return AppUpdate.entered(state.pane, &state)
    }

    static func unconfirmed(_ reason: String, _ state: inout AppState) {
        guard var sentinel = state.sentinel else { return }
        let wasConfirmed = sentinel.primaryConfirmed
        sentinel.primaryConfirmed = false
        sentinel.lastError = reason
        state.sentinel = sentinel
        state.alerts.evaluate(sentinel: sentinel.overview, failoverRunning: sentinel.timeline.inFailover, primaryDown: sentinel.primaryObjectivelyDown, at: state.now)
        if wasConfirmed {
            state.status = StatusMessage("sentinel: no primary confirmed (\(reason)); changes wait", kind: .error, now: state.now, lifetime: 15)
        }
    }

    static func received(_ events: [SentinelEvent], _ state: inout AppState) {
        guard var sentinel = state.sentinel else { return }
        var notes: [String] = []
        for event in events {
            let known = sentinel.timeline.entries.count
            sentinel.timeline.record(event)
            guard sentinel.timeline.entries.count > known else { continue }  // another sentinel's copy
            if event.isAboutPrimary, ["+sdown", "+odown", "+try-failover"].contains(event.name) { sentinel.primaryConfirmed = false }
            // A late +odown about the primary before the switch says nothing about the current one.
            let current = sentinel.overview?.primaryAddress
            if event.name == "+odown", let address = event.primaryAddress, current == nil || address == current { sentinel.primaryObjectivelyDown = true }
            if ["-odown", "+switch-master"].contains(event.name) { sentinel.primaryObjectivelyDown = false }
            if ["+sdown", "+odown", "+switch-master", "+failover-end", "-odown"].contains(event.name), event.isAboutPrimary {
                notes.append("\(event.name) \(event.detail)")
            }
        }
        state.sentinel = sentinel
        state.alerts.evaluate(sentinel: sentinel.overview, failoverRunning: sentinel.timeline.inFailover, primaryDown: sentinel.primaryObjectivelyDown, at: state.now)
        if !notes.isEmpty {
            state.status = StatusMessage(DisplayText(sanitizing: "sentinel: \(notes.joined(separator: "; "))"), kind: .warning, now: state.now, lifetime: 15)
        }
    }
}
