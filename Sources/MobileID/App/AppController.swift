import Foundation
import Hummingbird
import Logging
import NIOCore
import PersoCore
import ServiceLifecycle

/// What the app on the phone calls, every call signed with the device key (`SignedCall`): its state (the person, the
/// phones, the requests waiting), a stream that tells it of a new request within a second, and the answer to one.
struct AppController: Sendable {
    let identities: Identities
    let requests: AuthenticationRequests
    let clients: @Sendable (String) async throws -> CIBAClient?
    let notifier: PingNotifier
    let biometrics: PlatformAuthenticator
    let development: Bool
    let logger: Logger
    let clock: @Sendable () -> Date

    func register(on routes: Routes) {
        routes.post(MobileIDPath.appState) { request, _ in await answer { try await state(request) } }
        routes.get(MobileIDPath.appEvents) { request, _ in await answer { try await events(request) } }
        routes.post(MobileIDPath.appAnswer) { request, _ in await answer { try await answerRequest(request) } }
        routes.post(MobileIDPath.appRemoveDevice) { request, _ in await answer { try await removeDevice(request) } }
        routes.post(MobileIDPath.appBiometricsOptions) { request, _ in await answer { try await biometricsOptions(request) } }
        routes.post(MobileIDPath.appBiometricsRegister) { request, _ in await answer { try await biometricsRegister(request) } }
        if development {
            routes.post(MobileIDPath.devPair) { request, _ in await answer { try await pair(request) } }
        }
    }

    /// The app's errors: a stable code it switches on, never a page.
    struct AppError: Error {
        let code: String
        var status: HTTPResponse.Status = .badRequest
        var extra: [String: Int] = [:]
    }

    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as AppError {
            var object: [String: Any] = error.extra
            object["error"] = error.code
            return JSONResponse.make(status: error.status, object)
        } catch let failure as SignedCall.Failure {
            let code = switch failure {
            case .malformed: "malformed"
            case .unknownDevice: "unknown_device"
            case .badSignature: "bad_signature"
            case .stale: "stale"
            }
            return JSONResponse.make(status: failure == .unknownDevice ? .gone : .unauthorized, ["error": code])
        } catch let error as any HTTPResponseError {
            // A body over the limit (413) or unreadable: the caller's mistake, said with its status.
            return JSONResponse.make(status: error.status, ["error": error.status == .contentTooLarge ? "too_large" : "malformed"])
        } catch {
            logger.error("mobileid app call failed", metadata: ["error": "\(error)"])
            return JSONResponse.make(status: .internalServerError, ["error": "server_error"])
        }
    }

    private func signed(_ request: Request) async throws -> (SignedCall.Message, Device, MobileIdentity) {
        let body = try await request.body.collect(upTo: 8_192)
        guard let call = try? JSONDecoder().decode(SignedCall.self, from: body) else { throw SignedCall.Failure.malformed }
        return try await check(call)
    }

    private func check(_ call: SignedCall) async throws -> (SignedCall.Message, Device, MobileIdentity) {
        let (message, device) = try await call.verified(by: { try await identities.device($0) }, now: clock())
        guard let identity = try await identities.identity(device.identityID) else { throw SignedCall.Failure.unknownDevice }
        return (message, device, identity)
    }

    private func state(_ request: Request) async throws -> Response {
        let (message, device, identity) = try await signed(request)
        guard message.action == "state" else { throw AppError(code: "wrong_action") }
        try await identities.markUsed(device)
        return JSONResponse.make(try await stateObject(identity: identity, device: device))
    }

    private func stateObject(identity: MobileIdentity, device: Device) async throws -> [String: Any] {
        let now = clock()
        // A handful of clients ask any one person: each is read once per answer, not once per request listed.
        var names: [String: String] = [:]
        func clientName(_ id: String) async throws -> String {
            if let known = names[id] { return known }
            let name = try await clients(id)?.name ?? id
            names[id] = name
            return name
        }
        let formatter = ISO8601DateFormatter()
        let pending = try await requests.pending(for: identity)
        var waiting: [[String: Any]] = []
        for request in pending {
            var entry: [String: Any] = [
                "id": try request.requireID().uuidString,
                "client": try await clientName(request.clientID),
                "level": request.acr,
                "secondsLeft": max(0, Int(request.expiresAt.timeIntervalSince(now))),
                "choices": request.choices,
            ]
            if request.choices.isEmpty, let binding = request.bindingMessage { entry["bindingMessage"] = binding }
            waiting.append(entry)
        }
        let phones = try await identities.devices(of: identity).map { phone -> [String: Any] in
            [
                "id": phone.id?.uuidString ?? "",
                "label": phone.label,
                "since": formatter.string(from: phone.createdAt),
                "current": phone.id == device.id,
            ]
        }
        var recent: [[String: Any]] = []
        for request in try await requests.recent(for: identity) {
            let outcome = switch request.status {
            case .approved, .collected: "confirmed"
            case .denied: "refused"
            case .cancelled: "cancelled"
            case .pending: "expired"
            }
            recent.append([
                "client": try await clientName(request.clientID),
                "at": formatter.string(from: request.createdAt),
                "outcome": outcome,
            ])
        }
        var object: [String: Any] = [
            "recent": recent,
            "givenName": identity.givenName,
            "phone": PhoneNumber(identity.phone)?.masked ?? "",
            "locked": identity.lockedAt != nil,
            "pending": waiting,
            "devices": phones,
        ]
        if let credential = device.biometricCredential { object["biometrics"] = ["credential": credential, "rpId": biometrics.rpID] }
        if let quiet = identity.quietUntil, quiet > now { object["quietUntil"] = formatter.string(from: quiet) }
        return object
    }

    /// Server-sent events: the list of waiting requests each time it changes, checked every second, for half a minute
    /// (the page then opens a new stream with a fresh signature) or until the server is asked to stop, which must not
    /// wait for a phone that keeps its page open. The call is signed like the others, in the query.
    private func events(_ request: Request) async throws -> Response {
        guard let message = request.uri.queryParameters["m"], let signature = request.uri.queryParameters["s"],
              let decoded = Base64URL.decode(String(message)) else { throw SignedCall.Failure.malformed }
        let call = SignedCall(message: String(decoding: decoded, as: UTF8.self), signature: String(signature))
        let (parsed, device, identity) = try await check(call)
        guard parsed.action == "events" else { throw AppError(code: "wrong_action") }
        let identities = self.identities, requests = self.requests
        let identityID = try identity.requireID(), deviceID = try device.requireID()
        let body = ResponseBody { [self] writer in
            var last: [UUID] = []
            var quiet = 0
            for second in 0..<30 {
                guard !Task.isShuttingDownGracefully, !Task.isCancelled else { break }
                // Both read anew each second: a phone removed, biometrics turned on, the app locked meanwhile.
                guard let current = try await identities.identity(identityID), let device = try await identities.device(deviceID) else { break }
                let ids = try await requests.pending(for: current).compactMap(\.id)
                if ids != last || second == 0 {
                    last = ids
                    let object = try await stateObject(identity: current, device: device)
                    let json = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "event: state\ndata: \(json)\n\n"))
                    quiet = 0
                } else {
                    quiet += 1
                    // A comment now and then keeps proxies from closing a quiet stream.
                    if quiet % 15 == 0 { try await writer.write(ByteBuffer(string: ": still here\n\n")) }
                }
                try await Task.sleep(for: .seconds(1))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    private func answerRequest(_ request: Request) async throws -> Response {
        let (message, device, identity) = try await signed(request)
        guard message.action == "answer", let requestID = message.request, let approve = message.approve else {
            throw AppError(code: "malformed")
        }
        guard let waiting = try await requests.request(requestID), waiting.identityID == identity.id else {
            throw AppError(code: "unknown_request", status: .notFound)
        }
        guard waiting.status == .pending, !waiting.isExpired(at: clock()) else { throw AppError(code: "no_longer_waiting", status: .conflict) }
        if !approve {
            _ = try await decide(waiting, approved: false, amr: [])
            return JSONResponse.make(["result": "refused"])
        }
        // Number matching: the wrong number means the person is looking at another screen than the one asking.
        if !waiting.choices.isEmpty, message.choice != waiting.bindingMessage {
            _ = try await decide(waiting, approved: false, amr: [])
            throw AppError(code: "wrong_number", status: .forbidden)
        }
        if let evidence = message.biometric {
            return try await answerWithBiometrics(waiting, evidence: evidence, device: device, identity: identity)
        }
        switch try await identities.check(code: message.code ?? "", of: identity) {
        case .right:
            try await identities.markUsed(device)
            guard try await decide(waiting, approved: true, amr: ["swk", "pin", "mfa"]) else {
                throw AppError(code: "no_longer_waiting", status: .conflict)
            }
            return JSONResponse.make(["result": "confirmed"])
        case .wrong(let remaining):
            throw AppError(code: "wrong_code", status: .forbidden, extra: ["remaining": remaining])
        case .locked:
            _ = try await decide(waiting, approved: false, amr: [])
            throw AppError(code: "locked", status: .forbidden)
        }
    }

    /// The fingerprint or face instead of the code: the assertion must be over this request's challenge, by the key
    /// registered for this phone. A failed one refuses nothing: the person may still type the code.
    private func answerWithBiometrics(_ waiting: AuthenticationRequest, evidence: PlatformAuthenticator.Evidence, device: Device,
                                      identity: MobileIdentity) async throws -> Response {
        guard identity.lockedAt == nil else { throw AppError(code: "locked", status: .forbidden) }
        guard let publicKey = device.biometricPublicKey else { throw AppError(code: "no_biometrics", status: .conflict) }
        let count: UInt32
        do {
            count = try biometrics.asserted(evidence, challenge: PlatformAuthenticator.challenge(forRequest: try waiting.requireID()),
                                            publicKey: publicKey, lastSignCount: device.biometricSignCount ?? 0)
        } catch {
            logger.notice("mobileid biometric assertion refused", metadata: ["reason": "\(error)"])
            throw AppError(code: "biometrics_refused", status: .forbidden)
        }
        try await identities.recordBiometricUse(device, signCount: Int(count))
        // RFC 8176: the device key (swk) and the platform authenticator's hardware-held key, unlocked by the person (hwk).
        guard try await decide(waiting, approved: true, amr: ["swk", "hwk", "mfa"]) else {
            throw AppError(code: "no_longer_waiting", status: .conflict)
        }
        return JSONResponse.make(["result": "confirmed"])
    }

    /// Turning on the fingerprint or face: a fresh challenge for `navigator.credentials.create`, kept on the device.
    private func biometricsOptions(_ request: Request) async throws -> Response {
        let (message, device, identity) = try await signed(request)
        guard message.action == "biometrics-options" else { throw AppError(code: "wrong_action") }
        let challenge = SecureRandom.token(bytes: 32)
        try await identities.startBiometrics(device, challenge: challenge)
        return JSONResponse.make([
            "challenge": challenge, "rpId": biometrics.rpID, "rpName": "PersoPoint ID",
            "userId": SecureRandom.base64URL(Array(try device.requireID().uuidString.utf8)),
            "userName": PhoneNumber(identity.phone)?.masked ?? "", "displayName": identity.givenName,
        ])
    }

    private func biometricsRegister(_ request: Request) async throws -> Response {
        let (message, device, _) = try await signed(request)
        guard message.action == "biometrics-register", let evidence = message.biometric else { throw AppError(code: "malformed") }
        guard let challenge = device.biometricChallenge else { throw AppError(code: "no_challenge", status: .conflict) }
        do {
            let registered = try biometrics.registered(evidence, challenge: challenge)
            try await identities.finishBiometrics(device, credential: registered.credential, publicKey: registered.publicKey,
                                                  signCount: Int(registered.signCount))
        } catch let refusal as PlatformAuthenticator.Refusal {
            logger.notice("mobileid biometric registration refused", metadata: ["reason": "\(refusal)"])
            throw AppError(code: "biometrics_refused", status: .forbidden)
        }
        return JSONResponse.make(["result": "biometrics_on"])
    }

    private func decide(_ request: AuthenticationRequest, approved: Bool, amr: [String]) async throws -> Bool {
        guard try await requests.decide(request, approved: approved, amr: amr) else { return false }
        if request.delivery == .ping, let authReqID = request.pingRequestID, let token = request.notificationToken,
           let endpoint = try await clients(request.clientID)?.notificationEndpoint {
            notifier.notify(endpoint: endpoint, token: token, authReqID: authReqID)
        }
        return true
    }

    private func removeDevice(_ request: Request) async throws -> Response {
        let (message, _, identity) = try await signed(request)
        guard message.action == "remove-device", let removed = message.removeDevice else { throw AppError(code: "malformed") }
        guard try await identities.remove(device: removed, of: identity) else { throw AppError(code: "unknown_device", status: .notFound) }
        return JSONResponse.make(["result": "removed"])
    }

    /// Development only: this browser becomes the phone of a demo identity, proven by its code (wrong codes count as
    /// on any request). Real enrolment goes through the eID and an SMS.
    private func pair(_ request: Request) async throws -> Response {
        struct Pairing: Decodable { let phone: String; let code: String; let x: String; let y: String; let label: String }
        let body = try await request.body.collect(upTo: 4_096)
        guard let pairing = try? JSONDecoder().decode(Pairing.self, from: body), let phone = PhoneNumber(pairing.phone, country: .be),
              Base64URL.decode(pairing.x)?.count == 32, Base64URL.decode(pairing.y)?.count == 32 else { throw AppError(code: "malformed") }
        guard let identity = try await identities.identity(phone: phone) else { throw AppError(code: "unknown_phone", status: .notFound) }
        switch try await identities.check(code: pairing.code, of: identity) {
        case .right:
            let device = try await identities.addDevice(to: identity, x: pairing.x, y: pairing.y, label: pairing.label)
            return JSONResponse.make(["device": try device.requireID().uuidString])
        case .wrong(let remaining): throw AppError(code: "wrong_code", status: .forbidden, extra: ["remaining": remaining])
        case .locked: throw AppError(code: "locked", status: .forbidden)
        }
    }
}
