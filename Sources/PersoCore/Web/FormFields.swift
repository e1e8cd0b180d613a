import Foundation
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body. Only the first value of a repeated name counts;
/// the names given more than once are kept, for protocols that must refuse them (RFC 6749 §3.1).
public struct FormFields: Sendable {
    public private(set) var values: [String: String] = [:]
    public private(set) var repeatedNames: Set<String> = []

    public subscript(name: String) -> String? { values[name] }

    public init(_ values: [String: String]) { self.values = values }

    /// Returns nil for bodies that are not valid form encoding (bad percent escapes, too many fields).
    public init?(buffer: ByteBuffer) {
        self.init(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// The same encoding in a URL's query (where `+` also means a space, unlike in Hummingbird's decoded query).
    public init?(encoded body: String) {
        var values: [String: String] = [:]
        var repeated: Set<String> = []
        let pairs = body.split(separator: "&", omittingEmptySubsequences: true)
        guard pairs.count <= 200 else { return nil }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                return nil
            }
            if values[name] == nil { values[name] = value } else { repeated.insert(name) }
        }
        self.values = values
        repeatedNames = repeated
    }

    /// One name or value: `+` is a space, `%XY` a byte, and the bytes must be UTF-8. Walks the bytes itself:
    /// Foundation's `replacingOccurrences` and `removingPercentEncoding` were a tenth of a token request's CPU.
    public static func decode(_ component: Substring) -> String? {
        let utf8 = component.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(component) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = utf8.index(after: index)
                guard high < utf8.endIndex, utf8.index(after: high) < utf8.endIndex,
                      let h = hexValue(utf8[high]), let l = hexValue(utf8[utf8.index(after: high)]) else { return nil }
                bytes.append(h << 4 | l)
                index = utf8.index(after: high)
            default:
                bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
