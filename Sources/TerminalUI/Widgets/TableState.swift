/// The selection and scroll position of a `Table`, kept by the pane between frames.
public struct TableState: ScrollSelection, Sendable, Hashable {
    public var selected: Int?
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }
}
