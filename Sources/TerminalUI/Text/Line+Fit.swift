extension Line {
    /// Cuts the line to `columns`, ending in `ellipsis` when something was cut. Lines that fit
    /// are left alone (the common case costs one width count).
    public mutating func fit(to columns: Int, ellipsis: DisplayText = "…") {
        guard width > columns else { return }
        let ellipsisWidth = ellipsis.width
        let budget = columns > ellipsisWidth ? columns - ellipsisWidth : columns
        var used = 0
        var kept: [Span] = []
        for span in spans {
            let w = span.width
            if used + w <= budget {
                kept.append(span)
                used += w
                continue
            }
            let cut = span.text.prefix(fitting: budget - used)
            if !cut.text.isEmpty { kept.append(Span(cut.text, style: span.style)) }
            used += cut.width
            break
        }
        if columns > ellipsisWidth {
            kept.append(Span(ellipsis, style: kept.last?.style ?? .plain))
        }
        spans = kept
    }

    /// The line cut to `columns` (see `fit(to:ellipsis:)`).
    public func fitted(to columns: Int, ellipsis: DisplayText = "…") -> Line {
        var copy = self
        copy.fit(to: columns, ellipsis: ellipsis)
        return copy
    }
}
