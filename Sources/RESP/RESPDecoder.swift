import NIOCore

/// An incremental RESP2/RESP3 decoder.
///
/// Feed it the bytes received so far with ``decode(_:)``: it returns the next complete top-level
/// value and moves the buffer's reader index past it, or returns `nil` when more bytes are needed.
/// It is correct for any split of the byte stream: the bytes of a value may arrive one at a time.
/// Partly received aggregates are kept in the decoder (not re-parsed), so a large reply arriving in
/// many reads costs linear time.
///
/// Safety: nesting depth, declared lengths and aggregate counts are checked against ``Limits`` and a
/// violation throws ``RESPProtocolError``. Capacity is never reserved from a declared count beyond
/// what the bytes already buffered could hold, so a hostile length costs nothing until the bytes arrive.
///
/// Attributes (RESP3 `|`) are read and dropped; the value they annotate is returned.
/// Streamed RESP3 strings and aggregates (`$?`, `*?`) are not used by Redis and are rejected.
///
/// Bulk strings are returned as slices of the input buffer (no copy).
public struct RESPDecoder: Sendable {
    /// The limits this decoder enforces.
    public var limits: Limits

    /// Aggregates whose header has been read but not all of their elements.
    private var stack: [Frame] = []

    /// Creates a decoder with the given limits.
    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// `true` when a partly received aggregate is held (the stream is in the middle of a value).
    public var isMidValue: Bool { !stack.isEmpty }

    /// Forgets any partly received value (e.g. after reconnecting).
    public mutating func reset() {
        stack.removeAll()
    }

    /// Decodes the next complete top-level value from `buffer`.
    ///
    /// - Parameter buffer: the received bytes; the reader index moves past everything consumed
    ///   (complete values and the complete parts of an unfinished aggregate).
    /// - Returns: the value, or `nil` when more bytes are needed.
    /// - Throws: ``RESPProtocolError`` when the bytes are not valid RESP or break a limit.
    public mutating func decode(_ buffer: inout ByteBuffer) throws(RESPProtocolError) -> RESPValue? {
        guard buffer.readableBytes > 0 else { return nil }
        let base = buffer
        var consumed = 0
        let result = try base.withUnsafeReadableBytes { (raw) throws(RESPProtocolError) -> RESPValue? in
            try self.next(raw, base, &consumed)
        }
        buffer.moveReaderIndex(forwardBy: consumed)
        return result
    }

    /// Decodes every complete top-level value in `buffer`, handing each to `body` in order, and
    /// moves the reader index past them (and past the complete parts of an unfinished aggregate).
    ///
    /// The same as calling ``decode(_:)`` until it returns `nil`, without re-entering the buffer for
    /// every value: a connection reading a pipeline of small replies spends much of its time here.
    /// `body` must not touch `buffer`. If `body` throws, decoding stops there and the error is rethrown.
    public mutating func decodeAll(_ buffer: inout ByteBuffer, _ body: (RESPValue) throws -> Void) throws {
        guard buffer.readableBytes > 0 else { return }
        let base = buffer
        var consumed = 0
        defer { buffer.moveReaderIndex(forwardBy: consumed) }
        try base.withUnsafeReadableBytes { raw in
            while let value = try self.next(raw, base, &consumed) { try body(value) }
        }
    }

    /// Reads tokens from `consumed` on until a top-level value is complete (returned) or the bytes
    /// run out (`nil`); `consumed` moves past everything read.
    private mutating func next(
        _ raw: UnsafeRawBufferPointer, _ base: ByteBuffer, _ consumed: inout Int
    ) throws(RESPProtocolError) -> RESPValue? {
        while true {
            var cursor = consumed
            guard let token = try readToken(raw, base, &cursor) else { return nil }
            consumed = cursor
            switch token {
            case .value(let value):
                if let done = complete(value) { return done }
            case .aggregate(let kind, let count):
                if count == 0 {
                    // An empty attribute annotates nothing: skip it.
                    if case .attribute = kind { continue }
                    if let done = complete(kind.makeEmpty()) { return done }
                } else {
                    guard stack.count < limits.maxDepth else {
                        throw RESPProtocolError("nesting deeper than the limit of \(limits.maxDepth)")
                    }
                    // Reserve only what the buffered bytes could hold (every element takes >= 3 bytes).
                    var elements: [RESPValue] = []
                    elements.reserveCapacity(Swift.min(count, (raw.count - cursor) / 3))
                    stack.append(Frame(kind: kind, remaining: count, elements: elements))
                }
            }
        }
    }

    // MARK: - Aggregates

    enum AggregateKind: Sendable {
        case array, set, push, map, attribute

        func makeEmpty() -> RESPValue {
            switch self {
            case .array, .attribute: return .array([])  // attributes never reach here (see decode)
            case .set: return .set([])
            case .push: return .push([])
            case .map: return .map([])
            }
        }
    }

    struct Frame: Sendable {
        var kind: AggregateKind
        var remaining: Int
        var elements: [RESPValue]
    }

    enum Token {
        case value(RESPValue)
        case aggregate(AggregateKind, count: Int)
    }

    /// Adds a finished value to the innermost open aggregate; returns a finished top-level value.
    private mutating func complete(_ finished: RESPValue) -> RESPValue? {
        var value = finished
        while !stack.isEmpty {
            let top = stack.count - 1
            stack[top].elements.append(value)
            stack[top].remaining -= 1
            if stack[top].remaining > 0 { return nil }
            let frame = stack.removeLast()
            switch frame.kind {
            case .array: value = .array(frame.elements)
            case .set: value = .set(frame.elements)
            case .push: value = .push(frame.elements)
            case .map: value = .map(Self.pairs(frame.elements))
            case .attribute:
                // Attributes annotate the value that follows: drop them and keep waiting for it.
                return nil
            }
        }
        return value
    }

    private static func pairs(_ elements: [RESPValue]) -> [RESPPair] {
        var pairs: [RESPPair] = []
        pairs.reserveCapacity(elements.count / 2)
        var index = 0
        while index + 1 < elements.count {
            pairs.append(RESPPair(key: elements[index], value: elements[index + 1]))
            index += 2
        }
        return pairs
    }

    // MARK: - Tokens

    /// Reads one scalar value or aggregate header at `cursor`; `nil` when incomplete.
    @inline(__always)
    private func readToken(
        _ raw: UnsafeRawBufferPointer, _ base: ByteBuffer, _ cursor: inout Int
    ) throws(RESPProtocolError) -> Token? {
        let start = cursor
        guard start < raw.count else { return nil }
        let type = raw[start]
        guard let lineEnd = try findLineEnd(raw, from: start + 1) else { return nil }
        let afterLine = lineEnd + 2
        switch type {
        case UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "="):
            let length = try parseInteger(raw, start + 1, lineEnd, what: "length")
            if length == -1, type == UInt8(ascii: "$") {
                cursor = afterLine
                return .value(.null)
            }
            guard length >= 0 else { throw RESPProtocolError("negative length \(length)") }
            guard length <= limits.maxBulkLength else {
                throw RESPProtocolError("bulk string length \(length) exceeds the limit of \(limits.maxBulkLength) bytes")
            }
            let count = Int(length)
            let end = afterLine + count
            guard end + 2 <= raw.count else { return nil }
            guard raw[end] == 13, raw[end + 1] == 10 else {
                throw RESPProtocolError("string of length \(count) not followed by CRLF")
            }
            cursor = end + 2
            let slice = base.getSlice(at: base.readerIndex + afterLine, length: count)!
            switch type {
            case UInt8(ascii: "$"): return .value(.bulkString(slice))
            case UInt8(ascii: "!"): return .value(.error(slice))
            default:
                guard count >= 4, raw[afterLine + 3] == UInt8(ascii: ":") else {
                    throw RESPProtocolError("verbatim string without a format prefix")
                }
                let format = String(decoding: UnsafeRawBufferPointer(rebasing: raw[afterLine..<(afterLine + 3)]), as: UTF8.self)
                let text = base.getSlice(at: base.readerIndex + afterLine + 4, length: count - 4)!
                return .value(.verbatimString(format: format, text: text))
            }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            cursor = afterLine
            let slice = base.getSlice(at: base.readerIndex + start + 1, length: lineEnd - start - 1)!
            return .value(type == UInt8(ascii: "+") ? .simpleString(slice) : .error(slice))
        case UInt8(ascii: ":"):
            let value = try parseInteger(raw, start + 1, lineEnd, what: "integer")
            cursor = afterLine
            return .value(.integer(value))
        case UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "|"):
            if raw[start + 1] == UInt8(ascii: "?") {
                throw RESPProtocolError("streamed RESP3 aggregates are not supported")
            }
            let declared = try parseInteger(raw, start + 1, lineEnd, what: "aggregate count")
            if declared == -1, type == UInt8(ascii: "*") {
                cursor = afterLine
                return .value(.null)
            }
            guard declared >= 0 else { throw RESPProtocolError("negative aggregate count \(declared)") }
            let isPaired = type == UInt8(ascii: "%") || type == UInt8(ascii: "|")
            let elements = isPaired ? declared.multipliedReportingOverflow(by: 2) : (partialValue: declared, overflow: false)
            guard !elements.overflow, elements.partialValue <= Int64(limits.maxAggregateCount) else {
                throw RESPProtocolError("aggregate count \(declared) exceeds the limit of \(limits.maxAggregateCount)")
            }
            cursor = afterLine
            let kind: AggregateKind
            switch type {
            case UInt8(ascii: "*"): kind = .array
            case UInt8(ascii: "~"): kind = .set
            case UInt8(ascii: ">"): kind = .push
            case UInt8(ascii: "%"): kind = .map
            default: kind = .attribute
            }
            return .aggregate(kind, count: Int(elements.partialValue))
        case UInt8(ascii: "_"):
            guard lineEnd == start + 1 else { throw RESPProtocolError("null with a payload") }
            cursor = afterLine
            return .value(.null)
        case UInt8(ascii: "#"):
            guard lineEnd == start + 2 else { throw RESPProtocolError("boolean is not t or f") }
            cursor = afterLine
            switch raw[start + 1] {
            case UInt8(ascii: "t"): return .value(.boolean(true))
            case UInt8(ascii: "f"): return .value(.boolean(false))
            default: throw RESPProtocolError("boolean is not t or f")
            }
        case UInt8(ascii: ","):
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: raw[(start + 1)..<lineEnd]), as: UTF8.self)
            guard let value = Double(text) else { throw RESPProtocolError("invalid double") }
            cursor = afterLine
            return .value(.double(value))
        case UInt8(ascii: "("):
            var index = start + 1
            if index < lineEnd, raw[index] == UInt8(ascii: "-") || raw[index] == UInt8(ascii: "+") { index += 1 }
            guard index < lineEnd else { throw RESPProtocolError("invalid big number") }
            while index < lineEnd {
                guard raw[index] &- UInt8(ascii: "0") < 10 else { throw RESPProtocolError("invalid big number") }
                index += 1
            }
            cursor = afterLine
            return .value(.bigNumber(base.getSlice(at: base.readerIndex + start + 1, length: lineEnd - start - 1)!))
        default:
            throw RESPProtocolError("unexpected type byte 0x\(String(type, radix: 16)) at the start of a value")
        }
    }

    /// The index of the CR ending the line that starts at `from`; `nil` when the CRLF has not arrived.
    @inline(__always)
    private func findLineEnd(_ raw: UnsafeRawBufferPointer, from: Int) throws(RESPProtocolError) -> Int? {
        var index = from
        let end = Swift.min(raw.count, from &+ limits.maxLineLength &+ 1)
        while index < end, raw[index] != 13 { index += 1 }
        guard index < end else {
            if raw.count - from > limits.maxLineLength {
                throw RESPProtocolError("line longer than the limit of \(limits.maxLineLength) bytes")
            }
            return nil
        }
        guard index + 1 < raw.count else { return nil }
        guard raw[index + 1] == 10 else { throw RESPProtocolError("CR not followed by LF") }
        return index
    }

    /// Parses a signed decimal between `from` and `to` (exclusive), rejecting overflow.
    @inline(__always)
    private func parseInteger(
        _ raw: UnsafeRawBufferPointer, _ from: Int, _ to: Int, what: StaticString
    ) throws(RESPProtocolError) -> Int64 {
        var index = from
        var negative = false
        if index < to {
            if raw[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            } else if raw[index] == UInt8(ascii: "+") {
                index += 1
            }
        }
        guard index < to else { throw RESPProtocolError("invalid \(what): no digits") }
        // Accumulate negatively so Int64.min parses.
        var value: Int64 = 0
        while index < to {
            let digit = raw[index] &- UInt8(ascii: "0")
            guard digit < 10 else { throw RESPProtocolError("invalid \(what): not a decimal number") }
            let shifted = value.multipliedReportingOverflow(by: 10)
            let next = shifted.partialValue.subtractingReportingOverflow(Int64(digit))
            guard !shifted.overflow, !next.overflow else { throw RESPProtocolError("invalid \(what): out of range") }
            value = next.partialValue
            index += 1
        }
        if negative { return value }
        guard value != .min else { throw RESPProtocolError("invalid \(what): out of range") }
        return -value
    }
}
