/// A setting that cannot be used, named as the operator wrote it, with the reason in one line.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let setting: String
    public let reason: String

    public init(setting: String, reason: String) {
        self.setting = setting
        self.reason = reason
    }

    public var description: String { "invalid configuration: \(setting): \(reason)" }
}
