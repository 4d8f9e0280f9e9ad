import TerminalUI

extension TableState {
    /// Applies a movement action (up, down, page, first, last) to the selection.
    /// - Returns: false when `action` is not a movement.
    @discardableResult
    mutating func navigate(_ action: AppAction, count: Int, page: Int) -> Bool {
        switch action {
        case .moveUp: move(by: -1, count: count)
        case .moveDown: move(by: 1, count: count)
        case .pageUp: move(by: -page, count: count)
        case .pageDown: move(by: page, count: count)
        case .top: selectFirst(count: count)
        case .bottom: selectLast(count: count)
        default: return false
        }
        return true
    }
}
