import Foundation
import Inspector
import TerminalUI

/// A hash's fields with their TTLs (Redis 7.4+, Valkey 9+): a TTL column beside each field, and
/// the header's line saying how many of the fields read expire and when the first does.
extension KeyValueView {
    /// Width of the TTL column.
    static let fieldTTLWidth = 9

    /// One line per field: its TTL (`4m 59s`, `-` for none, `gone` when it expired meanwhile), then `field = value`.
    static func fieldLines(_ fields: [HashField], ttls: [KeyTTL?], theme: Theme, now: Int64) -> [Line] {
        fields.enumerated().map { index, field in
            let ttl = ttls.indices.contains(index) ? ttls[index] : nil
            let (text, style) = fieldTTLText(ttl, theme: theme, now: now)
            let padded = DisplayText(sanitizing: text.padding(toLength: fieldTTLWidth, withPad: " ", startingAt: 0))
            return Line([
                Span(padded, style: style), Span(DisplayText(ServerBytes(field.field)), style: theme.accent),
                Span(" = ", style: theme.muted), Span(DisplayText(ServerBytes(field.value))),
            ])
        }
    }

    static func fieldTTLText(_ ttl: KeyTTL?, theme: Theme, now: Int64) -> (String, Style) {
        switch ttl {
        case nil: return ("gone", theme.critical)
        case .persistent?, .unknown?: return ("-", theme.muted)
        case .expires?:
            let ms = ttl?.remainingMilliseconds(at: now) ?? 0
            return ms == 0 ? ("expired", theme.critical) : (Formatting.duration(Double(ms) / 1000), theme.warn)
        }
    }

    /// `2 of 3 fields read expire · the first in 4m 59s`; nil when the pages carry no field TTLs.
    static func fieldTTLSummary(_ opened: OpenedKey, theme: Theme, now: Int64) -> (text: DisplayText, style: Style)? {
        guard opened.hasFieldTTLs else { return nil }
        let fields = opened.fields
        let deadlines = fields.compactMap { entry -> Int64? in if case .expires(let at)? = entry.ttl { return at } else { return nil } }
        let read = opened.detail?.length.map { Int($0) > fields.count ? " read (of \($0))" : "" } ?? " read"
        guard let soonest = deadlines.min() else { return ("no field TTLs among the \(fields.count) fields\(read)", theme.muted) }
        let left = Formatting.duration(Double(max(0, soonest - now)) / 1000)
        return ("\(deadlines.count) of \(fields.count) fields\(read) expire · the first in \(left)", theme.warn)
    }
}
