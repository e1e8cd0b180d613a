/// The Belgian national register number (rijksregisternummer / numéro de registre national): 11 digits,
/// YYMMDD + a 3-digit serial + a 2-digit check. The check is 97 − (first nine digits mod 97); for people born
/// from 2000 on, the nine digits are prefixed with "2" before taking the modulus.
public struct NationalRegisterNumber: Hashable, Sendable, CustomStringConvertible {
    /// The 11 digits, without separators.
    public let digits: String

    public enum Problem: Error, Equatable {
        case notElevenDigits
        case checkDigitsWrong
    }

    /// Accepts the usual written forms (`85.07.30-033.28`, spaces) and refuses anything that fails the check.
    public init(_ text: String) throws(Problem) {
        let kept = text.filter { !" .-".contains($0) }
        guard kept.count == 11, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notElevenDigits }
        let base = Int(kept.prefix(9))!
        let check = Int(kept.suffix(2))!
        let before2000 = 97 - base % 97
        let from2000 = 97 - (2_000_000_000 + base) % 97
        guard check == before2000 || check == from2000 else { throw .checkDigitsWrong }
        digits = kept
    }

    /// YY.MM.DD-SSS.CC, the way the number is printed on the eID card.
    public var formatted: String {
        let d = Array(digits)
        return "\(String(d[0..<2])).\(String(d[2..<4])).\(String(d[4..<6]))-\(String(d[6..<9])).\(String(d[9..<11]))"
    }

    public var description: String { digits }

    /// Builds a valid number from a birth date and serial; used to make demo and test people.
    public static func make(year: Int, month: Int, day: Int, serial: Int) -> NationalRegisterNumber {
        let base = (year % 100) * 10_000_000 + month * 100_000 + day * 1000 + serial
        let check = 97 - ((year >= 2000 ? 2_000_000_000 : 0) + base) % 97
        let text = String(format: "%09d%02d", base, check)
        return try! NationalRegisterNumber(text)
    }
}
