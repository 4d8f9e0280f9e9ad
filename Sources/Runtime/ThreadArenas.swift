// A dashboard left open for hours must not grow: every thread allocates from one arena, so freed memory is reused.

/// How many malloc arenas the process's threads allocate from.
public enum ThreadArenas {
    /// Makes every thread allocate from the main arena. Call once at startup, before the threads start.
    ///
    /// glibc gives a thread that meets a busy arena a new one, up to eight per core, and keeps each
    /// arena's memory for the threads that use it next. The dashboard's threads (terminal, event
    /// loops, the concurrency pool, Dispatch workers that come and go) allocate little and seldom
    /// at once, so a second arena only spreads long-lived blocks over more pages that a trim cannot
    /// return. Measured in the soak with two arenas: in the hours where the workers all used one of
    /// them RSS held (within 1.6% and 2.5%); in those where a Dispatch worker that came later was
    /// handed the other (the main heap), rescans left that heap up to 4 MB larger, and RSS crept.
    public static func shareOne() {
        MallocOption.set(MallocOption.arenaMax, to: 1)
    }
}
