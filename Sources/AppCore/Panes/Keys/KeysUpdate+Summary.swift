import Inspector

/// The open key's summary (stream, vector set, module type) arriving.
extension KeysUpdate {
    static func summaryLoaded(_ key: [UInt8], _ result: Result<ValueSummary, LoadError>, _ keys: inout KeysState, _ context: inout PaneContext) {
        guard var opened = keys.opened, opened.key == key else { return }
        switch result {
        case .success(let summary):
            opened.summary = summary
            opened.summaryError = nil
        case .failure(let error): opened.summaryError = error.description
        }
        keys.opened = opened
    }
}
