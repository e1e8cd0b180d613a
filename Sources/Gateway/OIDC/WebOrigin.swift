import Foundation

/// A web origin as a browser serialises it in the `Origin` header (RFC 6454 §6.2): scheme, lower-case host, and the
/// port only when it is not the scheme's default.
struct WebOrigin: Hashable, Sendable {
    let serialised: String

    init?(uri: String) {
        guard let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host?.lowercased(), !host.isEmpty,
              host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }) else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port.flatMap { $0 == defaultPort ? nil : ":\($0)" } ?? ""
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        serialised = "\(scheme)://\(bracketed)\(port)"
    }
}
