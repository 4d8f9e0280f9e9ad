#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells ThreadSanitizer that a reply handed from the event loop to the waiting caller is ordered.
///
/// The real ordering is the continuation's own atomics in the Swift runtime, which is not
/// instrumented; on the path where the reply arrives before the caller reached its `await`, the
/// runtime does not tell TSan about it, so every byte the event loop wrote before resuming (the
/// receive buffer a reply is a slice of) would be reported as racing with the caller reading it.
/// The handler calls ``released(_:)`` on the request's token just before resuming it and the caller
/// ``acquired(_:)`` right after its `await`. Outside a TSan build both are no-ops (the symbols are
/// looked up once and absent).
enum ReplyHandOff {
    private typealias Annotation = @convention(c) (UnsafeMutableRawPointer?) -> Void

    private static let release: Annotation? = lookUp("__tsan_release")
    private static let acquire: Annotation? = lookUp("__tsan_acquire")

    private static func lookUp(_ name: String) -> Annotation? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: Annotation.self) }
    }

    /// On the event loop, before resuming the caller waiting on `token`'s request.
    static func released(_ token: RequestCancellation) {
        release?(Unmanaged.passUnretained(token).toOpaque())
    }

    /// In the caller, after its wait for `token`'s request ended (reply, error or cancellation).
    static func acquired(_ token: RequestCancellation) {
        acquire?(Unmanaged.passUnretained(token).toOpaque())
    }
}
