import Foundation
import Hummingbird
import NIOCore
import PersoCore

/// The authorisation code flow (OIDC Core §3.1), as the real itsme offers it beside CIBA: the relying party sends the
/// person here; they type their phone number, the phone is asked exactly as by CIBA (number matching, the code), and
/// the confirmed request becomes a code for the relying party's redirect URI. Tokens come from the same token
/// endpoint, the client authenticated with `private_key_jwt`.
struct AuthorizeController: Sendable {
    let identities: Identities
    let requests: AuthenticationRequests
    let codes: AuthorizationCodes
    let issuer: String
    let enrolmentURL: String
    let clock: @Sendable () -> Date

    /// Long enough to reach for the phone, as the gateway's own wait.
    static let requestExpiry = 120

    func register(on routes: Routes) {
        routes.get(MobileIDPath.authorize) { request, context in try await start(request, context: context) }
        routes.post(MobileIDPath.authorize) { _, context in try await sendToPhone(context) }
        routes.get(MobileIDPath.authorizeWait) { request, context in
            guard let flow = AuthorizationFlow.load(request.uri.queryParameters["flow"].map(String.init), from: context.session, now: clock()) else {
                return pages(context).badRequest("unknown or expired login")
            }
            return flow.requestID == nil ? pages(context).phoneForm(flow) : pages(context).waiting(flow, now: clock())
        }
        routes.get(MobileIDPath.authorizeStatus) { request, context in
            guard let flow = AuthorizationFlow.load(request.uri.queryParameters["flow"].map(String.init), from: context.session, now: clock()),
                  let id = flow.requestID, let waiting = try await requests.request(id) else {
                return JSONResponse.make(status: .notFound, ["state": "unknown"])
            }
            let state = switch waiting.status {
            case .pending: waiting.isExpired(at: clock()) ? "expired" : "pending"
            case .approved, .collected: "approved"
            case .denied, .cancelled: "denied"
            }
            return JSONResponse.make(headers: [.cacheControl: "no-store"], ["state": state])
        }
        routes.post(MobileIDPath.authorizeContinue) { _, context in try await proceed(context) }
        routes.post(MobileIDPath.authorizeCancel) { _, context in
            guard let flow = AuthorizationFlow.load(context.form?["flow"], from: context.session, now: clock()) else {
                return pages(context).badRequest("unknown or expired login")
            }
            if let id = flow.requestID, let waiting = try await requests.request(id) { try await requests.cancel(waiting) }
            context.session[AuthorizationFlow.key(flow.id)] = nil
            return back(to: flow, ["error": "access_denied", "error_description": "the person cancelled the login"])
        }
        routes.get(MobileIDPath.authorizeScript) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: AuthorizeScript.source)))
        }
    }

    private func pages(_ context: PersoRequestContext) -> AuthorizePages {
        AuthorizePages(texts: .texts(for: context.language), context: context, enrolmentURL: enrolmentURL)
    }

    /// OIDC Core §3.1.2.1–2: the client and its redirect URI first (an error before that is shown, never sent), then
    /// everything else, whose errors go back to the client with its `state`.
    private func start(_ request: Request, context: PersoRequestContext) async throws -> Response {
        guard let query = FormFields(encoded: request.uri.query ?? "") else { return pages(context).badRequest("the query could not be read") }
        if let repeated = query.repeatedNames.sorted().first { return pages(context).badRequest("\(repeated) is given more than once") }
        guard let clientID = query["client_id"], let client = try await CIBAClient.find(clientID, on: requests.database.db) else {
            return pages(context).badRequest("unknown client_id")
        }
        guard let redirectURI = query["redirect_uri"], (client.redirectURIs ?? []).contains(redirectURI) else {
            return pages(context).badRequest("redirect_uri is not registered for this client")
        }
        let state = query["state"].map { String($0.prefix(512)) }
        func refuse(_ error: String, _ description: String) -> Response {
            var fields = ["error": error, "error_description": description]
            if let state { fields["state"] = state }
            return redirect(redirectURI, fields)
        }
        guard query["response_type"] == "code" else { return refuse("unsupported_response_type", "only response_type=code is supported") }
        let scopes = (query["scope"] ?? "").split(separator: " ").map(String.init)
        guard scopes.contains("openid") else { return refuse("invalid_scope", "the scope must contain openid") }
        guard scopes.allSatisfy(CIBAController.supportedScopes.contains) else { return refuse("invalid_scope", "unknown scope") }
        let challenge = query["code_challenge"]
        if let challenge {
            guard query["code_challenge_method"] == "S256" else { return refuse("invalid_request", "code_challenge_method must be S256") }
            guard (43...128).contains(challenge.count) else { return refuse("invalid_request", "code_challenge has the wrong length") }
        }
        if let acrValues = query["acr_values"] {
            let asked = acrValues.split(separator: " ").compactMap { LevelOfAssurance(acr: String($0)) }
            if !asked.isEmpty, !asked.contains(where: { $0 <= CIBAController.acr }) {
                return refuse("access_denied", "the levels asked for are above what this service reaches (\(CIBAController.acr.acr))")
            }
        }
        if query["prompt"] == "none" { return refuse("login_required", "this service always asks the phone") }
        let flow = AuthorizationFlow(
            id: SecureRandom.token(bytes: 12), clientID: clientID, clientName: client.name, redirectURI: redirectURI, state: state,
            nonce: query["nonce"].map { String($0.prefix(512)) }, codeChallenge: challenge, scopes: scopes, createdAt: clock()
        )
        context.session[AuthorizationFlow.key(flow.id)] = flow
        let hint = query["login_hint"].flatMap { PhoneNumber($0, country: .be) }?.e164 ?? ""
        return pages(context).phoneForm(flow, typed: hint)
    }

    private func sendToPhone(_ context: PersoRequestContext) async throws -> Response {
        guard var flow = AuthorizationFlow.load(context.form?["flow"], from: context.session, now: clock()) else {
            return pages(context).badRequest("unknown or expired login")
        }
        let texts = AuthorizeTexts.texts(for: context.language)
        let typed = String((context.form?["phone"] ?? "").prefix(40))
        guard let phone = PhoneNumber(typed, country: .be) else {
            return pages(context).phoneForm(flow, typed: typed, error: texts.invalidPhone, status: .unprocessableContent)
        }
        guard let identity = try await identities.identity(phone: phone) else {
            return pages(context).phoneForm(flow, typed: typed, error: texts.unknownPhone, status: .unprocessableContent)
        }
        guard identity.lockedAt == nil else { return pages(context).phoneForm(flow, typed: typed, error: texts.refused, status: .forbidden) }
        let number = String(format: "%02d", Int.random(in: 10...99))
        do {
            let opened = try await requests.open(.init(
                clientID: flow.clientID, identity: identity, scopes: flow.scopes, acr: CIBAController.acr.acr, bindingMessage: number,
                expiresIn: Self.requestExpiry, delivery: .poll, notificationToken: nil
            ))
            flow.requestID = try opened.request.requireID()
            flow.number = number
            flow.maskedPhone = phone.masked
            flow.expiresAt = opened.request.expiresAt
        } catch AuthenticationRequests.Refusal.quiet {
            return pages(context).phoneForm(flow, typed: typed, error: texts.refused, status: .forbidden)
        }
        context.session[AuthorizationFlow.key(flow.id)] = flow
        return seeOther("\(MobileIDPath.authorizeWait)?flow=\(flow.id)")
    }

    /// The phone answered (or the person says so): a code for the client, its refusal, or the wait again.
    private func proceed(_ context: PersoRequestContext) async throws -> Response {
        guard var flow = AuthorizationFlow.load(context.form?["flow"], from: context.session, now: clock()) else {
            return pages(context).badRequest("unknown or expired login")
        }
        guard let id = flow.requestID, let waiting = try await requests.request(id) else { return pages(context).phoneForm(flow) }
        switch waiting.status {
        case .pending where !waiting.isExpired(at: clock()):
            return pages(context).waiting(flow, now: clock())
        case .pending:
            flow.requestID = nil
            context.session[AuthorizationFlow.key(flow.id)] = flow
            return pages(context).phoneForm(flow, error: AuthorizeTexts.texts(for: context.language).expired, status: .unprocessableContent)
        case .denied, .cancelled:
            context.session[AuthorizationFlow.key(flow.id)] = nil
            return back(to: flow, ["error": "access_denied", "error_description": "the person refused on the phone"])
        case .approved, .collected:
            // The request becomes one code, once: a second tab finds it collected and gets nothing more.
            guard try await requests.collect(waiting) else { return pages(context).badRequest("this login was already completed") }
            let code = try await codes.issue(for: flow, request: id)
            context.session[AuthorizationFlow.key(flow.id)] = nil
            return back(to: flow, ["code": code])
        }
    }

    /// To the client's redirect URI with `state` and `iss` (RFC 9207), allowed by the page's CSP (form-action).
    private func back(to flow: AuthorizationFlow, _ fields: [String: String]) -> Response {
        var all = fields
        if let state = flow.state { all["state"] = state }
        return redirect(flow.redirectURI, all)
    }

    private func redirect(_ uri: String, _ fields: [String: String]) -> Response {
        var components = URLComponents(string: uri)
        var items = components?.queryItems ?? []
        items += fields.sorted(by: { $0.key < $1.key }).map { URLQueryItem(name: $0.key, value: $0.value) }
        items.append(URLQueryItem(name: "iss", value: issuer))
        components?.queryItems = items
        // `+` is a space in a form-encoded query; URLComponents leaves it as is.
        let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components?.percentEncodedQuery = encoded
        return Response(status: .seeOther, headers: [.location: components?.string ?? uri])
    }
}
