/// One result of `get_wch`, before it is decoded into a `Key`.
enum RawInput: Sendable, Hashable {
    /// A character (`get_wch` returned `OK`): a Unicode scalar value or a control byte.
    case character(UInt32)
    /// A function key (`get_wch` returned `KEY_CODE_YES`): one of ncurses' `KEY_*` codes.
    case keyCode(Int32)
}
