/// One hint in the hint bar: `q quit`.
public struct KeyHint: Sendable, Hashable {
    public var keys: String
    public var description: String
    public var isDangerous: Bool

    public init(keys: String, description: String, isDangerous: Bool = false) {
        self.keys = keys
        self.description = description
        self.isDangerous = isDangerous
    }
}
