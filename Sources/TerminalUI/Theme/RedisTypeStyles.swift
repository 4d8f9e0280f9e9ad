/// A style for each Redis data type, so a key's type reads at a glance.
public struct RedisTypeStyles: Sendable, Hashable {
    public var string: Style
    public var hash: Style
    public var list: Style
    public var set: Style
    public var zset: Style
    public var stream: Style
    /// Any other type (modules such as ReJSON, or `none`).
    public var other: Style

    public init(string: Style, hash: Style, list: Style, set: Style, zset: Style, stream: Style, other: Style) {
        self.string = string
        self.hash = hash
        self.list = list
        self.set = set
        self.zset = zset
        self.stream = stream
        self.other = other
    }

    /// The type names as `TYPE` returns them, plus `other`.
    public static let typeNames = ["string", "hash", "list", "set", "zset", "stream", "other"]

    /// The style for a type name; nil for names not in `typeNames`.
    public func style(for type: String) -> Style? {
        switch type {
        case "string": return string
        case "hash": return hash
        case "list": return list
        case "set": return set
        case "zset": return zset
        case "stream": return stream
        case "other": return other
        default: return nil
        }
    }

    /// Sets the style for a type name; returns false for an unknown name.
    @discardableResult
    public mutating func setStyle(_ style: Style, for type: String) -> Bool {
        switch type {
        case "string": string = style
        case "hash": hash = style
        case "list": list = style
        case "set": set = style
        case "zset": zset = style
        case "stream": stream = style
        case "other": other = style
        default: return false
        }
        return true
    }

    /// Every style with `transform` applied.
    public func map(_ transform: (Style) -> Style) -> RedisTypeStyles {
        RedisTypeStyles(
            string: transform(string), hash: transform(hash), list: transform(list), set: transform(set),
            zset: transform(zset), stream: transform(stream), other: transform(other)
        )
    }
}
