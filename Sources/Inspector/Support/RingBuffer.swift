/// A fixed-capacity history: appending past capacity drops the oldest element, so memory stays
/// bounded however long cachescope watches a node.
public struct RingBuffer<Element: Sendable>: Sendable, RandomAccessCollection {
    private var storage: [Element?]
    private var head = 0  // index of the oldest element
    public private(set) var count = 0
    public let capacity: Int

    public init(capacity: Int) {
        precondition(capacity > 0, "a ring buffer needs room for at least one element")
        self.capacity = capacity
        self.storage = Array(repeating: nil, count: capacity)
    }

    /// Adds `element` as the newest, dropping the oldest when full.
    public mutating func append(_ element: Element) {
        if count < capacity {
            storage[(head + count) % capacity] = element
            count += 1
        } else {
            storage[head] = element
            head = (head + 1) % capacity
        }
    }

    /// Empties the buffer, keeping its capacity.
    public mutating func removeAll() {
        storage = Array(repeating: nil, count: capacity)
        head = 0
        count = 0
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Elements in age order: index 0 is the oldest.
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "ring buffer index out of range")
        return storage[(head + position) % capacity]!
    }

    /// The newest element, if any.
    public var newest: Element? { count == 0 ? nil : self[count - 1] }

    /// The newest `n` elements, oldest first.
    public func suffix(_ n: Int) -> [Element] {
        let k = Swift.min(n, count)
        return (count - k..<count).map { self[$0] }
    }
}
