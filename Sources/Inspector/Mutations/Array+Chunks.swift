extension Array {
    /// Consecutive slices of at most `size` elements (at least one element each).
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        let step = Swift.max(1, size)
        return stride(from: 0, to: count, by: step).map { self[$0..<Swift.min($0 + step, count)] }
    }
}
