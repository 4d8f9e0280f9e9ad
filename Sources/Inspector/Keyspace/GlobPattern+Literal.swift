extension GlobPattern {
    /// `bytes` with the glob's special bytes (`*`, `?`, `[`, `]`, `\`) backslash-escaped, so the
    /// result matches exactly those bytes (append `*` for "every key with this prefix").
    public static func escaped(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[")
                || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\\")
            {
                out.append(UInt8(ascii: "\\"))
            }
            out.append(byte)
        }
        return out
    }

    /// Every key starting with `prefix`, exactly.
    public static func prefix(_ prefix: some Collection<UInt8>) -> GlobPattern {
        GlobPattern(escaped(prefix) + [UInt8(ascii: "*")])
    }
}
