extension Theme {
    /// This theme fitted to a terminal: every colour downsampled to what `support` can show.
    ///
    /// With `.none` (`NO_COLOR`, `--no-color`) every colour becomes `.terminalDefault`, and the
    /// roles that must stay visible get modifiers instead: the selection is reversed, critical
    /// is bold and reversed, warn and title are bold, muted is dim.
    public func resolved(for support: ColorSupport) -> Theme {
        func fit(_ style: Style) -> Style {
            Style(
                foreground: style.foreground?.downsampled(to: support),
                background: style.background?.downsampled(to: support),
                modifiers: style.modifiers
            )
        }
        var theme = Theme(
            name: name, background: fit(background), text: fit(text), muted: fit(muted), accent: fit(accent),
            selection: fit(selection), border: fit(border), title: fit(title), ok: fit(ok), warn: fit(warn),
            critical: fit(critical), sparkline: sparkline.map { $0.downsampled(to: support) }, types: types.map(fit)
        )
        if support == .none {
            theme.selection.modifiers.formUnion(.reverse)
            theme.critical.modifiers.formUnion([.bold, .reverse])
            theme.warn.modifiers.formUnion(.bold)
            theme.title.modifiers.formUnion(.bold)
            theme.accent.modifiers.formUnion(.bold)
            theme.muted.modifiers.formUnion(.dim)
            theme.sparkline = [.terminalDefault]
        }
        return theme
    }
}
