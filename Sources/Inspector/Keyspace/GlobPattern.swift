/// A Redis glob pattern (`KEYS`/`SCAN MATCH` semantics) matched against raw bytes.
///
/// Supported: `*` (any run of bytes), `?` (one byte), `[abc]`, `[^abc]`, `[a-z]` (reversed ranges
/// are swapped, as Redis does), and `\x` (the byte `x` literally, inside or outside a class).
/// An unterminated `[` class ends at the end of the pattern, like Redis' `stringmatchlen`.
/// Ranges compare bytes unsigned (Redis compares `char`, which is signed on x86; only ranges that
/// straddle 0x80 differ).
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern exactly as written: this is what goes to the server as `SCAN … MATCH`.
    public let source: [UInt8]
    private let tokens: [Token]

    enum Token: Sendable, Hashable {
        case literal(UInt8)
        case any
        case star
        case set(ByteSet)
    }

    /// A 256-bit membership set; `negated` is folded in at compile time.
    struct ByteSet: Sendable, Hashable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        mutating func insert(_ byte: UInt8) {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }

        func contains(_ byte: UInt8) -> Bool {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: return words.0 & bit != 0
            case 1: return words.1 & bit != 0
            case 2: return words.2 & bit != 0
            default: return words.3 & bit != 0
            }
        }

        mutating func invert() {
            words = (~words.0, ~words.1, ~words.2, ~words.3)
        }

        static func == (a: ByteSet, b: ByteSet) -> Bool {
            a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }
    }

    /// Compiles `pattern` (bytes, as typed or as received).
    public init(_ pattern: some Collection<UInt8>) {
        source = Array(pattern)
        tokens = Self.compile(source)
    }

    /// Compiles a pattern typed as text.
    public init(_ pattern: String) {
        self.init(Array(pattern.utf8))
    }

    public var description: String { String(decoding: source, as: UTF8.self) }

    /// True when the pattern is `*` (or empty of anything but stars): it matches every key.
    public var matchesEverything: Bool { tokens.allSatisfy { $0 == .star } && !tokens.isEmpty }

    /// The literal bytes every match must start with (up to the first wildcard). The namespace tree
    /// uses it to narrow a filter to one contiguous range of the sorted keys.
    public var literalPrefix: [UInt8] {
        var prefix: [UInt8] = []
        for token in tokens {
            guard case .literal(let byte) = token else { break }
            prefix.append(byte)
        }
        return prefix
    }

    /// Whether `key` matches the whole pattern.
    public func matches(_ key: some Collection<UInt8>) -> Bool {
        if let fast = key.withContiguousStorageIfAvailable({ matches(buffer: UnsafeRawBufferPointer($0)) }) {
            return fast
        }
        return Array(key).withUnsafeBytes { matches(buffer: $0) }
    }

    /// Whether the bytes in `key` match the whole pattern (no copy).
    public func matches(buffer key: UnsafeRawBufferPointer) -> Bool {
        // Greedy matching with one backtrack point per star: each non-star token consumes exactly
        // one byte, so remembering the last star is enough (linear-ish, no recursion).
        var t = 0
        var k = 0
        var starToken = -1
        var starKey = 0
        let n = key.count
        while k < n {
            if t < tokens.count {
                switch tokens[t] {
                case .star:
                    starToken = t
                    starKey = k
                    t += 1
                    continue
                case .any:
                    t += 1
                    k += 1
                    continue
                case .literal(let byte):
                    if key[k] == byte {
                        t += 1
                        k += 1
                        continue
                    }
                case .set(let set):
                    if set.contains(key[k]) {
                        t += 1
                        k += 1
                        continue
                    }
                }
            }
            guard starToken >= 0 else { return false }
            t = starToken + 1
            starKey += 1
            k = starKey
        }
        while t < tokens.count, tokens[t] == .star { t += 1 }
        return t == tokens.count
    }

    private static func compile(_ p: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let n = p.count
        while i < n {
            switch p[i] {
            case UInt8(ascii: "*"):
                if tokens.last != .star { tokens.append(.star) }
                i += 1
            case UInt8(ascii: "?"):
                tokens.append(.any)
                i += 1
            case UInt8(ascii: "["):
                i += 1
                var negated = false
                if i < n, p[i] == UInt8(ascii: "^") {
                    negated = true
                    i += 1
                }
                var set = ByteSet()
                while i < n {
                    if p[i] == UInt8(ascii: "\\"), n - i >= 2 {
                        set.insert(p[i + 1])
                        i += 2
                    } else if p[i] == UInt8(ascii: "]") {
                        i += 1
                        break
                    } else if n - i >= 3, p[i + 1] == UInt8(ascii: "-") {
                        var lo = p[i]
                        var hi = p[i + 2]
                        if lo > hi { swap(&lo, &hi) }
                        for b in lo...hi { set.insert(b) }
                        i += 3
                    } else {
                        set.insert(p[i])
                        i += 1
                    }
                }
                if negated { set.invert() }
                tokens.append(.set(set))
            case UInt8(ascii: "\\") where n - i >= 2:
                tokens.append(.literal(p[i + 1]))
                i += 2
            default:
                tokens.append(.literal(p[i]))
                i += 1
            }
        }
        return tokens
    }
}
