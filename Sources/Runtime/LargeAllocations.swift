// Memory the process frees goes back to the system: the keys index's big arrays are replaced whole.
/// How the process's allocator treats large blocks.
public enum LargeAllocations {
    /// Serves blocks from 128 KiB up with their own mappings, returned to the system when freed.
    ///
    /// The keys index and its views are a few large arrays replaced whole (a new view per
    /// snapshot, a new index when the budget samples it). glibc's malloc raises its mmap threshold
    /// after such frees, so later ones land in the heap and stay there: measured on 3M keys, the
    /// process peaked at 352 MiB and kept it, against 201 MiB peak and 86 MiB at the end with the
    /// threshold held at 128 KiB. Call once at startup.
    public static func returnLargeBlocksToTheSystem() {
        MallocOption.set(MallocOption.mmapThreshold, to: 128 * 1024)
    }
}
