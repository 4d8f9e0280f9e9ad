/// Something that draws itself into a `Buffer`, never into a terminal.
public protocol Widget {
    /// Draws into `area` of `buffer`; nothing outside `area` is touched.
    func render(in area: Rect, buffer: inout Buffer)
}

/// A widget whose scroll position or selection lives beside it, in a state value the pane keeps.
public protocol StatefulWidget {
    associatedtype State
    /// Draws into `area`, adjusting `state` (e.g. the scroll offset that keeps the selection visible).
    func render(in area: Rect, buffer: inout Buffer, state: inout State)
}
