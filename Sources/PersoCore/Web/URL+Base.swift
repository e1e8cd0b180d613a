import Foundation

extension URL {
    /// The URL as text without trailing slashes, ready for `+ "/path"`: how every configured base URL is joined.
    public var base: String {
        var text = absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
