import Inspector
import TerminalUI

/// How the state follows a cluster's topology: new nodes join the node list (and the overview),
/// promotions and failures are said in the status line. Down nodes stay listed; their samples
/// say they are down.
enum ClusterUpdate {
    static func changed(_ overview: ClusterOverview, added: [String], _ state: inout AppState) {
        // The runtime appended one connection per added address, in this order: keep indices aligned.
        for address in added { state.nodes.append(NodeHealth(address: address)) }
        let previous = state.cluster
        state.cluster = overview
        var notes: [String] = []
        if let previous {
            for node in overview.nodes where node.role == .primary && previous.node(node.address)?.role == .replica {
                notes.append("\(node.address) promoted to primary")
            }
            for address in overview.failedAddresses where previous.node(address)?.health != .failed {
                notes.append("\(address) failed")
            }
        }
        if !added.isEmpty { notes.append("new node\(added.count == 1 ? "" : "s") \(added.joined(separator: ", "))") }
        if !notes.isEmpty {
            state.status = StatusMessage("cluster: \(notes.joined(separator: "; "))", kind: .warning, now: state.now, lifetime: 15)
        }
    }
}
