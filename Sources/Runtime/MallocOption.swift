// The allocator's knobs the runtime sets at startup, in one place.
#if canImport(Glibc)
    import Glibc
#endif

/// glibc's `mallopt`, for the few options the process sets once at startup.
enum MallocOption {
    /// `M_MMAP_THRESHOLD`: blocks from this size up get their own mapping.
    static let mmapThreshold: Int32 = -3
    /// `M_ARENA_MAX`: how many arenas the threads share.
    static let arenaMax: Int32 = -8

    /// Sets `option` to `value`; a no-op where there is no glibc.
    static func set(_ option: Int32, to value: Int32) {
        #if canImport(Glibc)
            // `mallopt` lives in <malloc.h>, which the Glibc module does not carry: found by name.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(option, value)
        #endif
    }
}
