/// A key's time to live as the index stores it: an absolute deadline, so it stays true while the
/// index ages (a relative `PTTL` would be wrong a second later).
public enum KeyTTL: Sendable, Hashable {
    /// Not looked up yet.
    case unknown
    /// No expiry (`PTTL` -1): the "keys with no TTL" anti-pattern.
    case persistent
    /// Expires at this wall-clock time, in milliseconds since the Unix epoch.
    case expires(atMilliseconds: Int64)

    /// Builds a deadline from a `PTTL` reply read at `now` (ms since the epoch). `-2` (no key) gives nil.
    public init?(pttl: Int64, now: Int64) {
        switch pttl {
        case -2: return nil
        case ..<0: self = .persistent
        default: self = .expires(atMilliseconds: now + pttl)
        }
    }

    /// Milliseconds left at `now` (never negative), or nil without a deadline.
    public func remainingMilliseconds(at now: Int64) -> Int64? {
        guard case .expires(let deadline) = self else { return nil }
        return max(0, deadline - now)
    }

    /// Compact storage form: -2 unknown, -1 persistent, otherwise the deadline.
    var stored: Int64 {
        switch self {
        case .unknown: -2
        case .persistent: -1
        case .expires(let at): at
        }
    }

    init(stored: Int64) {
        switch stored {
        case -2: self = .unknown
        case -1: self = .persistent
        default: self = .expires(atMilliseconds: stored)
        }
    }
}
