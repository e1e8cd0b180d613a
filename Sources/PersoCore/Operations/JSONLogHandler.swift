import Foundation
import Logging

/// One JSON object per line on standard error: what log collectors (journald, Loki, ELK) ingest without parsing
/// rules. The request id travels as metadata (`hb.request.id`), so every line of a request can be found.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let label: String
    /// RFC 3339 with milliseconds, as log collectors sort by it.
    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        var fields: [String: String] = [
            "time": Self.timeFormat.format(Date()),
            "level": level.rawValue,
            "logger": label,
            "message": message.description,
        ]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) {
            var name = key == "hb.request.id" ? "request_id" : key
            // Metadata never hides the record's own fields (an outbox "message" id once replaced the text).
            if ["time", "level", "logger", "message"].contains(name) { name = "meta_" + name }
            fields[name] = value.description
        }
        guard var data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        data.append(0x0A)
        FileHandle.standardError.write(data)
    }
}
