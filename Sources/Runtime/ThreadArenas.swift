// A dashboard left open for hours must not grow: threads share few arenas, so freed memory is reused.

/// How many malloc arenas the process's threads allocate from.
public enum ThreadArenas {
    /// Makes every thread share two arenas. Call once at startup, before the threads start.
    ///
    /// glibc gives a thread that meets a busy arena a new one, up to eight per core, and keeps each
    /// arena's memory for the threads that use it next. The dashboard's threads (terminal, event
    /// loops, the concurrency pool, Dispatch workers that come and go) allocate little and seldom
    /// at once, so more arenas only spread long-lived blocks over more pages that a trim cannot
    /// return. Measured in the soak: RSS crept 5 MB in the hour an extra Dispatch worker stayed.
    public static func shareTwo() {
        MallocOption.set(MallocOption.arenaMax, to: 2)
    }
}
