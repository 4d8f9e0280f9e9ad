/// The selection and scroll position of a `ListView` or `TreeView`, kept by the pane.
public struct ListState: ScrollSelection, Sendable, Hashable {
    public var selected: Int?
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }
}
