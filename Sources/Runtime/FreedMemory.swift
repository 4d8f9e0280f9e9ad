// A dashboard left open for hours must not grow: memory it freed goes back to the system.
#if canImport(Glibc)
    import Glibc
#endif

/// Hands the pages the process freed back to the system.
///
/// glibc keeps freed memory in its arenas (one per thread that allocated), so the small blocks a
/// keys walk frees (lookup replies, view building) stay in the process's RSS in between blocks
/// still in use. Measured in the soak (a 3-primary cluster, 200k keys): 66.8 MB before a trim,
/// 54.9 MB after, nothing else changed; without trims each rescan left RSS a few MB higher or lower.
enum FreedMemory {
    /// How often the runtime returns freed memory while it runs: a trim took 0–5 ms in the soak.
    static let interval: Duration = .seconds(10)

    /// Returns the free pages of every arena to the system (`malloc_trim(0)`), off the UI's thread.
    static func returnToTheSystem() {
        #if canImport(Glibc)
            // `malloc_trim` lives in <malloc.h>, which the Glibc module does not carry: found by name.
            typealias MallocTrim = @convention(c) (Int) -> Int32
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    /// Returns freed memory every ``interval`` until `scope` is cancelled.
    static func returnPeriodically(in scope: TaskScope) {
        scope.spawn {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                returnToTheSystem()
            }
        }
    }
}
