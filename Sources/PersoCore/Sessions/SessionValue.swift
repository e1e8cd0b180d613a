import Foundation

/// A value kept in the visitor's session under a name, with its type: `session[SSOSession.stored]` reads and writes
/// an `SSOSession`, never a string to decode by hand. Strings are kept as they are; anything else as JSON. A value
/// that no longer decodes (an older shape after an upgrade) reads as absent, which every caller treats as "start
/// again" — never as an error.
public struct SessionValue<Value: Codable & Sendable>: Sendable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }
}

extension Session {
    public subscript<Value>(value: SessionValue<Value>) -> Value? {
        get {
            guard let stored = self[value.name] else { return nil }
            if Value.self == String.self { return stored as? Value }
            return try? JSONDecoder().decode(Value.self, from: Data(stored.utf8))
        }
        set {
            guard let newValue else {
                self[value.name] = nil
                return
            }
            if let string = newValue as? String {
                self[value.name] = string
            } else if let data = try? JSONEncoder().encode(newValue) {
                self[value.name] = String(decoding: data, as: UTF8.self)
            }
        }
    }
}
