extension String {
    /// Plot escapes text nodes but writes attribute values as they are; every dynamic attribute value goes
    /// through this so a quote in a URL or a person's input can never leave the attribute.
    public var attributeEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
