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

    private static func decode(_ component: Substring) -> String? {
        component.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
