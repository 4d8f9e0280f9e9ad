extension Line {
    /// A line of one styled span.
    public init(_ span: Span, alignment: Alignment = .left) {
        self.init([span], alignment: alignment)
    }
}
