#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `memcmp` for the index's byte comparisons (unsigned, like Redis' own ordering of keys).
@inline(__always)
func memcmpBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Int32 {
    memcmp(a, b, count)
}

/// Three-way comparison of byte strings: unsigned bytes, a proper prefix sorts first.
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int32 {
    let n = min(a.count, b.count)
    if n > 0 {
        let c = memcmp(a.baseAddress!, b.baseAddress!, n)
        if c != 0 { return c }
    }
    return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
}
