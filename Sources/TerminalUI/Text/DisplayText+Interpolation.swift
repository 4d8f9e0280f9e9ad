// How `"…\(value)…"` builds a `DisplayText`: literal parts kept, every value sanitised once.

extension DisplayText {
    /// Builds interpolated display text. Each `appendInterpolation` overload says what happens
    /// to one kind of value; a value of a kind not listed does not compile.
    public struct StringInterpolation: StringInterpolationProtocol {
        var output: String

        /// Room for the literal parts and a few bytes per value.
        public init(literalCapacity: Int, interpolationCount: Int) {
            output = ""
            output.reserveCapacity(literalCapacity + 8 * interpolationCount)
        }

        /// A literal part: the app's own words, kept.
        public mutating func appendLiteral(_ literal: StaticString) {
            output += literal.description
        }

        /// Text that is safe already: kept as it is (so escapes are not escaped twice).
        public mutating func appendInterpolation(_ text: DisplayText) {
            output += text.description
        }

        /// A string: sanitised.
        public mutating func appendInterpolation(_ string: String) {
            output += Sanitizer.display(string)
        }

        /// A substring: sanitised.
        public mutating func appendInterpolation(_ string: Substring) {
            output += Sanitizer.display(string)
        }

        /// Bytes from a server: sanitised.
        public mutating func appendInterpolation(_ bytes: ServerBytes) {
            output += bytes.sanitized
        }

        /// A number or any other value, by its `description`: sanitised.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            output += Sanitizer.display(value.description)
        }

        /// Raw bytes would be drawn as a list of numbers: say where they came from instead.
        @available(*, unavailable, message: "bytes from a server are drawn through ServerBytes: \\(ServerBytes(bytes))")
        public mutating func appendInterpolation(_ bytes: [UInt8]) {}

        /// Raw bytes would be drawn as a list of numbers: say where they came from instead.
        @available(*, unavailable, message: "bytes from a server are drawn through ServerBytes: \\(ServerBytes(bytes))")
        public mutating func appendInterpolation(_ bytes: ArraySlice<UInt8>) {}
    }
}
