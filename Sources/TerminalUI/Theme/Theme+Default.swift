extension Theme {
    /// The built-in dark theme; every theme file is laid over it, so its roles are the fallbacks.
    /// `themes/default.toml` holds the same values.
    public static let `default` = Theme(
        name: "default",
        background: Style(background: .rgb(0x1c, 0x1f, 0x26)),
        text: Style(foreground: .rgb(0xd8, 0xde, 0xe9)),
        muted: Style(foreground: .rgb(0x7a, 0x84, 0x96)),
        accent: Style(foreground: .rgb(0x88, 0xc0, 0xd0), modifiers: .bold),
        selection: Style(foreground: .rgb(0xec, 0xef, 0xf4), background: .rgb(0x3b, 0x4d, 0x6b), modifiers: .bold),
        border: Style(foreground: .rgb(0x4c, 0x56, 0x6a)),
        title: Style(foreground: .rgb(0xe5, 0xe9, 0xf0), modifiers: .bold),
        ok: Style(foreground: .rgb(0xa3, 0xbe, 0x8c)),
        warn: Style(foreground: .rgb(0xeb, 0xcb, 0x8b), modifiers: .bold),
        critical: Style(foreground: .rgb(0xbf, 0x61, 0x6a), modifiers: .bold),
        sparkline: [.rgb(0x5e, 0x81, 0xac), .rgb(0x88, 0xc0, 0xd0), .rgb(0xa3, 0xbe, 0x8c), .rgb(0xeb, 0xcb, 0x8b), .rgb(0xbf, 0x61, 0x6a)],
        types: RedisTypeStyles(
            string: Style(foreground: .rgb(0xa3, 0xbe, 0x8c)),
            hash: Style(foreground: .rgb(0x88, 0xc0, 0xd0)),
            list: Style(foreground: .rgb(0xeb, 0xcb, 0x8b)),
            set: Style(foreground: .rgb(0xb4, 0x8e, 0xad)),
            zset: Style(foreground: .rgb(0xd0, 0x87, 0x70)),
            stream: Style(foreground: .rgb(0x81, 0xa1, 0xc1)),
            other: Style(foreground: .rgb(0x7a, 0x84, 0x96))
        )
    )
}
