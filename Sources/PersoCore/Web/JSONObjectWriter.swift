/// A JSON object written member by member, for the answers and tokens made on every request (token, userinfo, JWT
/// claims): Foundation's `JSONEncoder` goes through its generic containers and a sort of the keys for each of them,
/// which perf showed costing more than the ES256 signature beside it. Members come out in the order they are added
/// (callers add them in the order they want to show); a nil value leaves its member out, as `encodeIfPresent` does.
public struct JSONObjectWriter: Sendable {
    private var text = "{"
    private var empty = true

    public init() {}

    /// An object of strings, its members sorted by name (a dictionary has no order of its own).
    public init(sorted members: [String: String]) {
        for name in members.keys.sorted() { add(name, members[name]) }
    }

    public mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        member(name)
        text += JSONText.string(value)
    }

    public mutating func add(_ name: String, _ value: Int?) {
        guard let value else { return }
        member(name)
        text += String(value)
    }

    public mutating func add(_ name: String, _ value: Bool?) {
        guard let value else { return }
        member(name)
        text += value ? "true" : "false"
    }

    public mutating func add(_ name: String, _ values: [String]?) {
        guard let values else { return }
        member(name)
        text += "[" + values.map(JSONText.string).joined(separator: ",") + "]"
    }

    public mutating func add(_ name: String, _ value: Double?) {
        guard let value, value.isFinite else { return }
        member(name)
        text += String(value)
    }

    /// An object of strings as a member, sorted as `init(sorted:)` sorts it.
    public mutating func add(_ name: String, _ members: [String: String]?) {
        guard let members else { return }
        member(name)
        text += JSONObjectWriter(sorted: members).json
    }

    /// The object's text, closed.
    public var json: String { text + "}" }

    private mutating func member(_ name: String) {
        if !empty { text += "," }
        empty = false
        text += JSONText.string(name)
        text += ":"
    }
}
