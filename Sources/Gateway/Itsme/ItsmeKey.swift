import Foundation
import Hummingbird
import NIOCore
import PersoCore

/// itsme (Level450) as a plug-in of the gateway: the person types their phone number, the gateway asks the mobile
/// identity service by CIBA (poll mode) with a two-digit number as the binding message, shows that number, and
/// waits while the person taps it on the phone and types the app's code. The answer comes back through the key's own
/// routes, which end the login through `LoginCompletion` as any key does.
struct ItsmeKey: DigitalKey {
    let service: MobileIdentityClient
    /// Set in broker mode: the person logs in at the provider's own page instead of typing the number here.
    let broker: ItsmeBroker?
    /// Numbers nobody enrolled count against the address like failed logins, which slows probing which numbers have
    /// itsme (sends to enrolled numbers are limited by the service's push-bombing pause, per phone).
    let addresses: AddressThrottle
    let people: PeopleDirectory
    let personKeys: PersonKeys
    let audit: AuditLog
    let clock: @Sendable () -> Date

    var profile: KeyProfile { ItsmeProfile.profile }

    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response {
        if let broker {
            guard let departure = await broker.departure(for: transaction, language: context.language, session: context.session) else {
                return ItsmePages.brokerFailure(transaction, message: ItsmeTexts.texts(for: context.language).unavailable, status: .serviceUnavailable,
                                                context: context)
            }
            return Response(status: .seeOther, headers: [.location: departure, .cacheControl: "no-store"])
        }
        if let attempt = context.session[ItsmeAttempt.stored(transaction)], attempt.expiresAt > clock() {
            return ItsmePages.waiting(transaction, attempt: attempt, now: clock(), context: context)
        }
        return phoneForm(transaction, typed: "", error: nil, context: context)
    }

    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        let texts = ItsmeTexts.texts(for: context.language)
        let typed = String((context.form?["phone"] ?? "").prefix(40))
        guard let phone = PhoneNumber(typed, country: .be) else {
            return .askAgain(phoneForm(transaction, typed: typed, error: texts.invalidPhone, status: .unprocessableContent, context: context))
        }
        if let ip = context.clientAddress, case let wait = try await addresses.wait(address: ip), wait > 0 {
            let message = GatewayTexts.texts(for: context.language).tooManyAttempts(Int(wait.rounded(.up)))
            return .askAgain(phoneForm(transaction, typed: typed, error: message,
                                                  status: .tooManyRequests, context: context))
        }
        let number = ItsmeAttempt.matchNumber()
        switch await service.authorize(phone: phone, number: number, level: profile.level) {
        case .opened(let authReqID, let expiresIn, let interval):
            let now = clock()
            context.session[ItsmeAttempt.stored(transaction)] = ItsmeAttempt(
                authReqID: authReqID, number: number, maskedPhone: phone.masked, expiresAt: now.addingTimeInterval(TimeInterval(expiresIn)),
                interval: interval, nextPollAt: now.addingTimeInterval(TimeInterval(interval)), provenNationalNumber: nil
            )
            return .askAgain(Response(status: .seeOther, headers: [.location: "\(ItsmePages.waitPath)?tx=\(transaction.id)"]))
        case .unknownPhone:
            if let ip = context.clientAddress { try await addresses.recordFailure(address: ip) }
            await audit.record(.loginFailed, personID: nil, key: .itsme, clientID: transaction.clientID, success: false, request: request, context: context)
            return .askAgain(phoneForm(transaction, typed: typed, error: texts.unknownPhone, status: .unprocessableContent, context: context))
        case .refused:
            return .askAgain(phoneForm(transaction, typed: typed, error: texts.refused, status: .forbidden, context: context))
        case .unavailable:
            return .askAgain(phoneForm(transaction, typed: typed, error: texts.unavailable, status: .serviceUnavailable, context: context))
        }
    }

    func register(on routes: Routes, completion: LoginCompletion) {
        if let broker {
            routes.get(ItsmePages.returnPath) { request, context in
                try await arrive(request, broker: broker, completion: completion, context: context)
            }
        }
        routes.get(ItsmePages.scriptPath) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: ItsmeScript.source)))
        }
        routes.get(ItsmePages.waitPath) { request, context in
            guard let transaction = LoginTransaction.load(request.uri.queryParameters["tx"].map(String.init), from: context.session, now: clock()) else {
                throw PersoError.notFound
            }
            return try await begin(transaction, request: request, context: context)
        }
        // What the waiting page's script asks every two seconds; the service itself is asked no more often than it
        // allows (its `interval`), so the page's pace never earns a `slow_down`.
        routes.get(ItsmePages.statusPath) { request, context in
            guard let transaction = LoginTransaction.load(request.uri.queryParameters["tx"].map(String.init), from: context.session, now: clock()),
                  let attempt = context.session[ItsmeAttempt.stored(transaction)] else {
                return JSONResponse.make(status: .notFound, ["state": "unknown"])
            }
            let state = try await advance(attempt, of: transaction, context: context)
            return JSONResponse.make(["state": state.name])
        }
        routes.post(ItsmePages.checkPath) { request, context in
            guard let transaction = LoginTransaction.load(context.form?["tx"], from: context.session, now: clock()) else {
                throw PersoError.notFound
            }
            guard let attempt = context.session[ItsmeAttempt.stored(transaction)] else {
                return phoneForm(transaction, typed: "", error: nil, context: context)
            }
            let texts = ItsmeTexts.texts(for: context.language)
            switch try await advance(attempt, of: transaction, context: context) {
            case .pending:
                return ItsmePages.waiting(transaction, attempt: attempt, now: clock(), context: context)
            case .proven(let personID, let amr):
                context.session[ItsmeAttempt.stored(transaction)] = nil
                // The first itsme login shows the key on "my digital keys", as the eID card's does: the identity was
                // proven with the eID at enrolment, and the national register number links it to the account.
                if try await personKeys.recordLogin(.itsme, personID: personID) {
                    await audit.record(.keyActivated, personID: personID, key: .itsme, clientID: nil, success: true, request: request, context: context)
                }
                return try await completion.succeed(personID: personID, key: profile, amr: amr, transaction: transaction, request: request, context: context)
            case .refused:
                context.session[ItsmeAttempt.stored(transaction)] = nil
                await audit.record(.loginFailed, personID: nil, key: .itsme, clientID: transaction.clientID, success: false, request: request, context: context)
                return phoneForm(transaction, typed: "", error: texts.deniedOnPhone, status: .forbidden, context: context)
            case .expired:
                context.session[ItsmeAttempt.stored(transaction)] = nil
                return phoneForm(transaction, typed: "", error: texts.expired, status: .unprocessableContent, context: context)
            case .unknownPerson:
                context.session[ItsmeAttempt.stored(transaction)] = nil
                await audit.record(.loginFailed, personID: nil, key: .itsme, clientID: transaction.clientID, success: false, request: request, context: context)
                return phoneForm(transaction, typed: "", error: texts.unknownPhone, status: .forbidden, context: context)
            case .unavailable:
                return phoneForm(transaction, typed: "", error: texts.unavailable, status: .serviceUnavailable, context: context)
            }
        }
        routes.post(ItsmePages.cancelPath) { request, context in
            guard let transaction = LoginTransaction.load(context.form?["tx"], from: context.session, now: clock()) else {
                throw PersoError.notFound
            }
            context.session[ItsmeAttempt.stored(transaction)] = nil
            return Response(status: .seeOther, headers: [.location: GatewayPath.key(.itsme, transaction)])
        }
    }

    /// The phone-number page, with the link to the provider's enrolment for people who have no identity yet.
    private func phoneForm(_ transaction: LoginTransaction, typed: String, error: String?, status: HTTPResponse.Status = .ok,
                           context: PersoRequestContext) -> Response {
        ItsmePages.phoneForm(transaction, enrolmentURL: service.settings.enrolmentURL, typed: typed, error: error, status: status, context: context)
    }

    /// Broker mode: the provider sends the person back here with a code (or an error), under the trip's `state`.
    private func arrive(_ request: Request, broker: ItsmeBroker, completion: LoginCompletion, context: PersoRequestContext) async throws -> Response {
        guard let query = FormFields(encoded: request.uri.query ?? ""), let state = query["state"], state.count <= 64,
              let trip = context.session[ItsmeBroker.Trip.stored(state: state)], clock().timeIntervalSince(trip.createdAt) < ItsmeBroker.Trip.lifetime,
              let transaction = LoginTransaction.load(trip.transactionID, from: context.session, now: clock()) else {
            throw PersoError.notFound
        }
        // The trip is used once, whatever comes of it.
        context.session[ItsmeBroker.Trip.stored(state: state)] = nil
        let texts = ItsmeTexts.texts(for: context.language)
        // RFC 9207: an answer naming another issuer is a mix-up, not a login.
        if let iss = query["iss"], iss != service.settings.issuer {
            return ItsmePages.brokerFailure(transaction, message: texts.unavailable, status: .badRequest, context: context)
        }
        if let error = query["error"] {
            await audit.record(.loginFailed, personID: nil, key: .itsme, clientID: transaction.clientID, success: false, request: request, context: context)
            return ItsmePages.brokerFailure(transaction, message: error == "access_denied" ? texts.brokerDenied : texts.unavailable,
                                            status: error == "access_denied" ? .forbidden : .badGateway, context: context)
        }
        guard let code = query["code"], !code.isEmpty, code.count <= 512 else {
            return ItsmePages.brokerFailure(transaction, message: texts.unavailable, status: .badRequest, context: context)
        }
        switch await broker.arrival(code: code, trip: trip) {
        case .unavailable:
            return ItsmePages.brokerFailure(transaction, message: texts.unavailable, status: .badGateway, context: context)
        case .proven(let nationalNumber, let amr):
            guard let personID = try await people.personID(nrn: nationalNumber) else {
                await audit.record(.loginFailed, personID: nil, key: .itsme, clientID: transaction.clientID, success: false, request: request, context: context)
                return ItsmePages.brokerFailure(transaction, message: texts.noAccount, status: .forbidden, context: context)
            }
            if try await personKeys.recordLogin(.itsme, personID: personID) {
                await audit.record(.keyActivated, personID: personID, key: .itsme, clientID: nil, success: true, request: request, context: context)
            }
            return try await completion.succeed(personID: personID, key: profile, amr: ItsmeProfile.amr(from: amr), transaction: transaction,
                                                request: request, context: context)
        }
    }

    enum State {
        case pending, refused, expired, unknownPerson, unavailable
        case proven(UUID, amr: [String])

        var name: String {
            switch self {
            case .pending: "pending"
            case .refused: "refused"
            case .expired: "expired"
            case .unknownPerson: "unknown"
            case .unavailable: "unavailable"
            case .proven: "proven"
            }
        }
    }

    /// Asks the service when the interval allows, and keeps what it learnt in the session; a confirmation is kept
    /// until the login ends, since the service hands the tokens over once.
    private func advance(_ attempt: ItsmeAttempt, of transaction: LoginTransaction, context: PersoRequestContext) async throws -> State {
        var attempt = attempt
        let now = clock()
        if let nrn = attempt.provenNationalNumber {
            guard let personID = try await people.personID(nrn: nrn) else { return .unknownPerson }
            return .proven(personID, amr: ItsmeProfile.amr(from: attempt.provenAMR ?? []))
        }
        guard attempt.expiresAt > now else { return .expired }
        guard attempt.nextPollAt <= now else { return .pending }
        let answer = await service.poll(authReqID: attempt.authReqID)
        attempt.nextPollAt = now.addingTimeInterval(TimeInterval(attempt.interval))
        switch answer {
        case .pending:
            context.session[ItsmeAttempt.stored(transaction)] = attempt
            return .pending
        case .slowDown:
            attempt.interval += 5
            attempt.nextPollAt = now.addingTimeInterval(TimeInterval(attempt.interval))
            context.session[ItsmeAttempt.stored(transaction)] = attempt
            return .pending
        case .refused: return .refused
        case .expired: return .expired
        case .unavailable: return .unavailable
        case .proven(let nationalNumber, let amr):
            attempt.provenNationalNumber = nationalNumber
            attempt.provenAMR = amr
            context.session[ItsmeAttempt.stored(transaction)] = attempt
            guard let personID = try await people.personID(nrn: nationalNumber) else { return .unknownPerson }
            return .proven(personID, amr: ItsmeProfile.amr(from: amr))
        }
    }
}
