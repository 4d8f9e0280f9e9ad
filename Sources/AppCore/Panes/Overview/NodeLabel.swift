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

    /// The label in `width` cells.
    func line(width: Int) -> Line {
        let room = max(0, width - (suffix?.width ?? 0))
        let name = Span(DisplayText(sanitizing: Self.shortened(address.description, to: room)))
        return Line([name] + (suffix.map { [$0] } ?? []))
    }

    /// `address` in `width` columns: whole when it fits, else the host elided in the middle and
    /// the port kept; just `…:port` (cut) when even that is too wide. The address is already
    /// escaped (one column a character).
    static func shortened(_ address: String, to width: Int, ellipsis: String = "…") -> String {
        let characters = Array(address)
        guard characters.count > width else { return address }
        guard let colon = characters.lastIndex(of: ":") else {
            return DisplayWidth.truncate(address, to: width, ellipsis: ellipsis)
        }
        let port = String(characters[colon...])
        let keep = width - port.count - 1
        guard keep >= 2 else { return String((ellipsis + port).prefix(max(0, width))) }
        let head = String(characters[..<((keep + 1) / 2)])
        let tail = String(characters[(colon - keep / 2)..<colon])
        return head + ellipsis + tail + port
    }
}
