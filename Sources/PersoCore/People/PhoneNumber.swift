import Foundation

/// A mobile phone number in E.164 (`+32470123456`): a plus, a country code, at most 15 digits in all. What people type
/// — spaces, dots, dashes, brackets, a leading `00` or, with a country chosen, a national number starting with `0` —
/// is brought to that form; anything else is refused.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public let e164: String

    public init?(_ typed: String, country: CountryCode? = nil) {
        var text = typed.filter { !" .-/()\u{00A0}".contains($0) }
        if text.hasPrefix("00") { text = "+" + text.dropFirst(2) }
        if !text.hasPrefix("+"), let country {
            guard text.hasPrefix("0") else { return nil }
            text = "+" + country.callingCode + text.dropFirst()
        }
        guard text.hasPrefix("+") else { return nil }
        let digits = text.dropFirst()
        guard (8...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0" else { return nil }
        e164 = text
    }

    public var description: String { e164 }

    /// The last digits only, for pages and logs that must not show the whole number.
    public var masked: String { "•••• " + e164.suffix(3) }
}

/// The countries offered on the enrolment page, with their calling codes; Belgium first.
public enum CountryCode: String, CaseIterable, Sendable {
    case be, nl, fr, de, lu

    public var callingCode: String {
        switch self {
        case .be: "32"
        case .nl: "31"
        case .fr: "33"
        case .de: "49"
        case .lu: "352"
        }
    }
}
