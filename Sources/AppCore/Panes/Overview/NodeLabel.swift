import Inspector
import TerminalUI

/// The node table's first cell: the node's address, and in a cluster what the cluster says of
/// it (`8192 slots`, `failed`). The address is never dropped; when the column is narrow the host
/// is elided in the middle and the port kept (`10.0…0.12:6379`), because the port is what tells
/// a local cluster's nodes apart.
struct NodeLabel {
    /// The address, escaped for the screen.
    var address: DisplayText
    /// The cluster's word on the node, kept whole.
    var suffix: Span?

    init(_ node: NodeHealth, _ context: PaneContext) {
        address = DisplayText(sanitizing: node.address)
        if let member = context.cluster?.node(node.address) {
            if member.health == .failed {
                suffix = Span(" failed", style: context.theme.critical)
            } else if member.role == .primary {
                suffix = Span(" \(member.slots) slots", style: context.theme.muted)
            }
        }
    }

    /// Its whole width.
    var width: Int { address.width + (suffix?.width ?? 0) }

    /// The narrowest it gets: the port, a few characters of host, the suffix.
    var minimumWidth: Int {
        let port = address.description.split(separator: ":").last.map { $0.count + 1 } ?? 0
        return min(width, port + 16 + (suffix?.width ?? 0))
    }

    /// The label in `width` cells. `core`: the part of the host that tells it from its
    /// neighbours' (see `cores(of:)`), kept when the host must be shortened.
    func line(width: Int, core: Range<Int>? = nil) -> Line {
        let room = max(0, width - (suffix?.width ?? 0))
        let name = Span(DisplayText(sanitizing: Self.shortened(address.description, to: room, core: core)))
        return Line([name] + (suffix.map { [$0] } ?? []))
    }

    /// For each label, the part of its host that differs from the others': what is left
    /// between the prefix and the suffix every host shares (`1a` of `cache-1a.prod.example.com`,
    /// the last octet of `10.0.0.31`). nil for a label alone.
    static func cores(of labels: [NodeLabel]) -> [Range<Int>?] {
        let hosts = labels.map { host(of: Array($0.address.description)) }
        guard hosts.count > 1, let shortest = hosts.map(\.count).min() else { return hosts.map { _ in nil } }
        var prefix = 0
        while prefix < shortest, hosts.allSatisfy({ $0[prefix] == hosts[0][prefix] }) { prefix += 1 }
        var suffix = 0
        while suffix < shortest - prefix, hosts.allSatisfy({ $0[$0.count - 1 - suffix] == hosts[0][hosts[0].count - 1 - suffix] }) { suffix += 1 }
        return hosts.map { min(prefix, $0.count)..<max(prefix, $0.count - suffix) }
    }

    /// The characters before the port's colon (all of them without one).
    static func host(of address: [Character]) -> [Character] {
        guard let colon = address.lastIndex(of: ":") else { return address }
        return Array(address[..<colon])
    }

    /// `address` in `width` columns: whole when it fits, else with part of the host cut out
    /// (one ellipsis) and the port kept; just `…:port` (cut) when even that is too wide. The cut
    /// avoids `core` (what tells the host from its neighbours), falling right after it when it
    /// can (the shared domain); without a core it is in the middle. The address is already
    /// escaped (one column a character).
    static func shortened(_ address: String, to width: Int, core: Range<Int>? = nil, ellipsis: String = "…") -> String {
        let characters = Array(address)
        guard characters.count > width else { return address }
        guard let colon = characters.lastIndex(of: ":") else {
            return DisplayWidth.truncate(address, to: width, ellipsis: ellipsis)
        }
        let port = String(characters[colon...])
        let kept = width - port.count - 1
        guard kept >= 2 else { return String((ellipsis + port).prefix(max(0, width))) }
        let cut = colon - kept  // host characters left out
        var start = (kept + 1) / 2
        if let core, !core.isEmpty {
            // The cut (from the second character on) that overlaps the core least, preferring
            // one at the end of the host (after the core: the shared domain), then one that
            // ends right before the core.
            func score(_ s: Int) -> (Int, Int) {
                let overlap = max(0, min(s + cut, core.upperBound) - max(s, core.lowerBound))
                let distance = s >= core.upperBound ? colon - cut - s : (s + cut <= core.lowerBound ? 1000 + core.lowerBound - s - cut : 2000)
                return (overlap, distance)
            }
            start = (1...(colon - cut)).min { score($0) < score($1) } ?? start
        }
        return String(characters[..<start]) + ellipsis + String(characters[(start + cut)..<colon]) + port
    }
}
