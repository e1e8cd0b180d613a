import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
@testable import Gateway

/// A browser for the in-process product: keeps the session cookie and follows redirects on the product's own
/// host (`http://localhost:8080`, the default public URL), as a person's browser would.
final class Browser: @unchecked Sendable {
    static let origin = "http://localhost:8080"
    let client: any TestClientProtocol
    var session: String?
    /// Where the last `follow` ended.
    var location = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    /// The browser's other cookies (the device cookie that makes it trusted for a username).
    var cookies: [String: String] = [:]

    private func headers(_ extra: HTTPFields) -> HTTPFields {
        var headers = extra
        let jar = (session.map { ["persopoint_session=\($0)"] } ?? []) + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        if !jar.isEmpty { headers[.cookie] = jar.joined(separator: "; ") }
        return headers
    }

    private func remember(_ response: TestResponse) -> TestResponse {
        if let value = response.cookie("persopoint_session") { session = value.isEmpty ? nil : value }
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";").first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, parts[0] != "persopoint_session" else { continue }
            cookies[parts[0]] = parts[1].isEmpty ? nil : parts[1]
        }
        return response
    }

    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        remember(try await client.executeRequest(uri: Self.local(uri), method: .get, headers: headers(extra), body: nil))
    }

    func post(_ uri: String, form fields: [String: String], headers extra: HTTPFields = [:]) async throws -> TestResponse {
        remember(try await client.executeRequest(uri: Self.local(uri), method: .post, headers: headers(formHeaders + extra), body: form(fields)))
    }

    /// One part of a `multipart/form-data` body: a field, or a file when it has a file name.
    struct Part {
        let name: String
        var fileName: String?
        var type = "application/octet-stream"
        let data: Data

        static func field(_ name: String, _ value: String) -> Part { Part(name: name, data: Data(value.utf8)) }
        static func file(_ name: String, _ fileName: String, _ type: String, _ data: Data) -> Part {
            Part(name: name, fileName: fileName, type: type, data: data)
        }
    }

    /// Sends a form with files as a browser does; `truncated` cuts the body before its close delimiter.
    func post(_ uri: String, multipart parts: [Part], truncated: Bool = false) async throws -> TestResponse {
        let boundary = "----browser" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        var body = Data()
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let fileName = part.fileName { head += "; filename=\"\(fileName)\"\r\nContent-Type: \(part.type)" }
            body.append(Data((head + "\r\n\r\n").utf8))
            body.append(part.data)
            body.append(Data("\r\n".utf8))
        }
        if truncated { body = body.prefix(body.count - 10) } else { body.append(Data("--\(boundary)--\r\n".utf8)) }
        return remember(try await client.executeRequest(
            uri: Self.local(uri), method: .post, headers: headers([.contentType: "multipart/form-data; boundary=\(boundary)"]),
            body: ByteBuffer(data: body)
        ))
    }

    func post(_ uri: String, headers extra: HTTPFields) async throws -> TestResponse {
        remember(try await client.executeRequest(uri: Self.local(uri), method: .post, headers: headers(extra), body: nil))
    }

    /// GETs `uri` and every redirect after it that stays on our host; returns the last answer.
    func follow(_ uri: String) async throws -> TestResponse {
        var next = uri
        for _ in 0..<10 {
            location = Self.local(next)
            let response = try await get(next)
            guard [.seeOther, .found].contains(response.status), let target = response.headers[.location],
                  target.hasPrefix("/") || target.hasPrefix(Self.origin) else { return response }
            next = target
        }
        throw BrowserError.tooManyRedirects
    }

    static func local(_ uri: String) -> String {
        uri.hasPrefix(origin) ? String(uri.dropFirst(origin.count)).isEmpty ? "/" : String(uri.dropFirst(origin.count)) : uri
    }

    /// Opens `start` (an application page), logs in at the gateway with the person's password and token card
    /// (PersoSelfService wants Level300), and follows the way back; returns the page the application shows.
    func logIn(as person: DemoData.Credentials, at start: String = "/selfservice") async throws -> TestResponse {
        let chooser = try await follow(start)
        guard chooser.status == .ok, location.hasPrefix("/fas/login?tx=") else { throw BrowserError.noKeyChooser(location, chooser.text) }
        let transaction = String(location.dropFirst("/fas/login?tx=".count).prefix { $0 != "&" })
        let form = try await get("/fas/login/token?tx=\(transaction)")
        guard let token = form.csrfToken else { throw BrowserError.noForm }
        let codePage = try await post("/fas/login/token", form: ["username": person.username, "password": person.password, "tx": transaction, "_csrf": token])
        guard let marker = codePage.text.range(of: "id=\"token-position\">"),
              let position = Int(codePage.text[marker.upperBound...].prefix { $0.isNumber }) else { throw BrowserError.loginRefused(codePage.text) }
        let sent = try await post("/fas/login/token", form: [
            "step": "code", "code": person.tokenCard[position - 1], "tx": transaction, "_csrf": token,
        ])
        guard sent.status == .seeOther, let callback = sent.headers[.location] else { throw BrowserError.loginRefused(sent.text) }
        callbackURL = callback
        return try await follow(callback)
    }

    /// The gateway's answer the last login came back with (code and state), to try replaying it.
    var callbackURL = ""

    enum BrowserError: Error {
        case tooManyRedirects, noForm
        case noKeyChooser(String, String)
        case loginRefused(String)
    }
}
