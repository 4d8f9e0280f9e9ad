/// What the scanner publishes: a query-ready snapshot of everything indexed so far, and progress.
/// Immutable and Sendable: the UI keeps the newest one and never waits on the scan.
public struct KeyspaceScanUpdate: Sendable {
    /// Every live key indexed so far, unfiltered, in byte order.
    public var view: KeyspaceView
    public var progress: ScanProgress
    /// Increases by one per scan started (`start`/`rescan`): drop updates of an older scan.
    public var generation: Int
}
