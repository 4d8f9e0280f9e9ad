/// A fast path for the frames a subscriber receives: an array (RESP2 `*`) or push (RESP3 `>`) of
/// one to four elements, each a bulk string, an integer or a null. Anything else is left to the
/// general `RESPDecoder`.
///
/// It exists for speed: at a million messages a second, building a `RESPValue` (an array and its
/// elements) per message costs more than the rest of the path together. It only finds offsets.
enum SubscriberFrameParser {
    /// One element of a frame.
    enum Element: Equatable {
        /// A bulk string at `offset` (from the start of the parsed bytes) of `length` bytes.
        case bulk(offset: Int, length: Int)
        case integer(Int64)
        case null
    }

    /// A frame's elements (the first `count`) and how many bytes it took.
    struct Frame: Equatable {
        var count = 0
        var e0 = Element.null, e1 = Element.null, e2 = Element.null, e3 = Element.null
        var consumed = 0

        subscript(index: Int) -> Element {
            switch index {
            case 0: return e0
            case 1: return e1
            case 2: return e2
            default: return e3
            }
        }

        fileprivate mutating func set(_ index: Int, _ element: Element) {
            switch index {
            case 0: e0 = element
            case 1: e1 = element
            case 2: e2 = element
            default: e3 = element
            }
        }
    }

    enum Outcome: Equatable {
        case frame(Frame)
        /// More bytes are needed.
        case incomplete
        /// Not a shape this parser knows: use the general decoder.
        case other
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Parses one frame at the start of `raw`.
    /// - Parameter maxBulkLength: longer declared strings are left to the decoder (which rejects them).
    static func parse(_ raw: UnsafeRawBufferPointer, maxBulkLength: Int) -> Outcome {
        let end = raw.count
        guard end > 0 else { return .incomplete }
        let head = raw[0]
        guard head == UInt8(ascii: "*") || head == UInt8(ascii: ">") else { return .other }
        var p = 1
        var count: Int64 = 0
        switch readInteger(raw, &p) {
        case .value(let n): count = n
        case .incomplete: return .incomplete
        case .invalid: return .other
        }
        guard count >= 1, count <= 4 else { return .other }
        var frame = Frame()
        frame.count = Int(count)
        for index in 0..<Int(count) {
            guard p < end else { return .incomplete }
            let type = raw[p]
            p += 1
            switch type {
            case UInt8(ascii: "$"):
                var length: Int64 = 0
                switch readInteger(raw, &p) {
                case .value(let n): length = n
                case .incomplete: return .incomplete
                case .invalid: return .other
                }
                if length == -1 {
                    frame.set(index, .null)
                    continue
                }
                guard length >= 0, length <= maxBulkLength else { return .other }
                let len = Int(length)
                guard end - p >= len + 2 else { return .incomplete }
                guard raw[p + len] == cr, raw[p + len + 1] == lf else { return .other }
                frame.set(index, .bulk(offset: p, length: len))
                p += len + 2
            case UInt8(ascii: ":"):
                switch readInteger(raw, &p) {
                case .value(let n): frame.set(index, .integer(n))
                case .incomplete: return .incomplete
                case .invalid: return .other
                }
            case UInt8(ascii: "_"):
                guard end - p >= 2 else { return .incomplete }
                guard raw[p] == cr, raw[p + 1] == lf else { return .other }
                p += 2
                frame.set(index, .null)
            default:
                return .other
            }
        }
        frame.consumed = p
        return .frame(frame)
    }

    private enum IntegerOutcome {
        case value(Int64)
        case incomplete
        case invalid
    }

    /// Reads `-?[0-9]+\r\n` at `p`, moving `p` past it.
    private static func readInteger(_ raw: UnsafeRawBufferPointer, _ p: inout Int) -> IntegerOutcome {
        let end = raw.count
        var i = p
        var negative = false
        if i < end, raw[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var value: Int64 = 0
        var digits = 0
        while i < end {
            let byte = raw[i]
            if byte == cr { break }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 else { return .invalid }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            digits += 1
            i += 1
        }
        guard end - i >= 2 else { return .incomplete }
        guard digits > 0, raw[i + 1] == lf else { return .invalid }
        p = i + 2
        return .value(negative ? -value : value)
    }
}
