import Foundation
import Hummingbird
import Logging
import Messaging
import PersoCore

/// The phone's half of the enrolment (steps 5 to 8), called by the app's script with JSON: the number and the
/// identification token, the code from the text message (or a new one), then the chosen itsme code with the device
/// key the page has just made. Errors are stable codes the script turns into words.
struct PhoneEnrolmentController: Sendable {
    let enrolments: Enrolments
    let outbox: Outbox
    let logger: Logger

    func register(on routes: Routes) {
        routes.post(MobileIDPath.appEnrolStart) { request, _ in
            await answer {
                struct Start: Decodable { let phone: String; let token: String }
                let start = try await decode(Start.self, from: request)
                guard let phone = PhoneNumber(start.phone, country: .be) else { throw Failure("bad_phone") }
                switch try await enrolments.present(phone: phone, token: start.token) {
                case .success(let (secret, _)):
                    return JSONResponse.make(["enrolment": secret, "phone": phone.masked])
                case .failure(let refusal):
                    throw failure(refusal)
                }
            }
        }
        routes.post(MobileIDPath.appEnrolResend) { request, _ in
            await answer {
                struct Resend: Decodable { let enrolment: String }
                let resend = try await decode(Resend.self, from: request)
                switch try await enrolments.resend(secret: resend.enrolment) {
                case .success(let enrolment): return JSONResponse.make(["result": "sent", "phone": PhoneNumber(enrolment.phone)?.masked ?? ""])
                case .failure(let refusal): throw failure(refusal)
                }
            }
        }
        routes.post(MobileIDPath.appEnrolVerify) { request, _ in
            await answer {
                struct Verify: Decodable { let enrolment: String; let code: String }
                let verify = try await decode(Verify.self, from: request)
                switch try await enrolments.verify(secret: verify.enrolment, code: verify.code) {
                case .success: return JSONResponse.make(["result": "verified"])
                case .failure(let refusal): throw failure(refusal)
                }
            }
        }
        routes.post(MobileIDPath.appEnrolFinish) { request, _ in
            await answer {
                struct Finish: Decodable { let enrolment: String; let code: String; let x: String; let y: String; let label: String }
                let finish = try await decode(Finish.self, from: request)
                guard Base64URL.decode(finish.x)?.count == 32, Base64URL.decode(finish.y)?.count == 32 else { throw Failure("malformed") }
                guard ItsmeCode.isWellFormed(finish.code) else { throw Failure("bad_code") }
                guard ItsmeCode.isAcceptable(finish.code) else { throw Failure("weak_code") }
                switch try await enrolments.finish(secret: finish.enrolment, code: finish.code, x: finish.x, y: finish.y, label: finish.label) {
                case .success(let (identity, device, email)):
                    await tell(identity, email: email)
                    return JSONResponse.make(["device": try device.requireID().uuidString, "givenName": identity.givenName])
                case .failure(let refusal):
                    throw failure(refusal)
                }
            }
        }
    }

    /// The e-mail of step 2 hears that the identity exists: if it was not the person, they learn it at once.
    private func tell(_ identity: MobileIdentity, email: String) async {
        let language = Language(rawValue: identity.language) ?? .fallback
        let texts = EnrolmentTexts.texts(for: language)
        let message = EmailMessage(to: MailAddress(name: "\(identity.givenName) \(identity.surname)", address: email), subject: texts.mailSubject,
                                   text: texts.mailBody(identity.givenName, PhoneNumber(identity.phone)?.masked ?? ""), html: nil, language: language)
        do {
            try await enrolments.database.write { db in
                _ = try await outbox.enqueue(message, key: "mobileid-enrolled-\(try identity.requireID())", on: db)
            }
            outbox.deliverSoon()
        } catch {
            // The identity exists and works; a lost notice is logged, not turned into a failed enrolment.
            logger.error("mobileid enrolment mail not queued", metadata: ["error": "\(error)"])
        }
    }

    struct Failure: Error {
        let code: String
        var status: HTTPResponse.Status = .badRequest
        var remaining: Int?
        init(_ code: String, status: HTTPResponse.Status = .badRequest, remaining: Int? = nil) {
            self.code = code
            self.status = status
            self.remaining = remaining
        }
    }

    private func failure(_ refusal: Enrolments.Refusal) -> Failure {
        switch refusal {
        case .wrongToken: Failure("wrong_token", status: .forbidden)
        case .tokenSpent: Failure("token_spent", status: .gone)
        case .wrongCode(let remaining): Failure("wrong_code", status: .forbidden, remaining: remaining)
        case .codeExpired: Failure("code_expired", status: .gone)
        case .tooManyTries: Failure("too_many_tries", status: .gone)
        case .tooManyTexts: Failure("too_many_texts", status: .tooManyRequests)
        case .notVerified: Failure("not_verified", status: .conflict)
        case .unknownEnrolment: Failure("unknown_enrolment", status: .notFound)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let body = try await request.body.collect(upTo: 4_096)
        guard let value = try? JSONDecoder().decode(T.self, from: body) else { throw Failure("malformed") }
        return value
    }

    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let failure as Failure {
            var object: [String: Any] = ["error": failure.code]
            if let remaining = failure.remaining { object["remaining"] = remaining }
            return JSONResponse.make(status: failure.status, object)
        } catch let error as any HTTPResponseError {
            return JSONResponse.make(status: error.status, ["error": error.status == .contentTooLarge ? "too_large" : "malformed"])
        } catch {
            logger.error("mobileid enrolment call failed", metadata: ["error": "\(error)"])
            return JSONResponse.make(status: .internalServerError, ["error": "server_error"])
        }
    }
}
