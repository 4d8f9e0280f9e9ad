import Inspector
import TerminalUI

/// The Doctor view over the keys pane: the last report of the cache doctor, the selected finding,
/// and whether a run is in flight.
public struct DoctorState: Sendable {
    /// True while the Doctor view replaces the keys tree (`H` in Keys, `:doctor`).
    public var isOpen = false
    /// A run is in flight.
    public var running = false
    /// The node the report is about.
    public var node: Int?
    /// The last report.
    public var report: DoctorReport?
    /// Why the last run failed.
    public var error: String?
    /// The selected finding.
    public var list = ListState(selected: 0)
    /// The report was made on a partial index: run again when the scan finishes.
    public var rerunWhenIndexed = false

    public init() {}

    /// The selected finding, if any.
    public var selectedFinding: DoctorFinding? {
        guard let report, let selected = list.selected, report.findings.indices.contains(selected) else { return nil }
        return report.findings[selected]
    }
}
