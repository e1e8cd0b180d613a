/// Reading header values without Foundation: `trimmingCharacters(in:)` and `lowercased()` go through NSString and
/// new strings, and cost 8 % of a userinfo request between them (perf, bench/gateway.sh).
extension Substring {
    /// Without RFC 9110 §5.6.3's optional whitespace (spaces and horizontal tabs) at either end.
    public var trimmingOptionalWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

extension String {
    public var trimmingOptionalWhitespace: Substring { self[...].trimmingOptionalWhitespace }
}

public enum AuthorizationHeader {
    /// The credentials of an `Authorization` header in `scheme` (compared without case, RFC 9110 §11.1), trimmed; nil
    /// for another scheme.
    public static func credentials(_ header: String, scheme: String) -> Substring? {
        let prefix = scheme + " "
        guard header.utf8.count >= prefix.utf8.count,
              zip(header.utf8, prefix.utf8).allSatisfy({ Self.lowercased($0) == Self.lowercased($1) }) else { return nil }
        return header.dropFirst(prefix.count).trimmingOptionalWhitespace
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
