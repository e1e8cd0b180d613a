import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PersoCore
import SwiftASN1
import X509

/// `GET /eid/identify?attempt=…`: where the browser presents the card's certificate. Served by the TLS listener,
/// or on the main origin behind a reverse proxy that forwards the certificate. Whatever happens, the answer is a
/// redirect back to the main origin carrying a single-use result for the attempt; the page the person reads is
/// drawn there, in their language and session.
struct CardReaderEndpoint: Sendable {
    static let path = "/eid/identify"

    let check: CardCertificateCheck
    let handoffs: CardReaderHandoffs
    let audit: AuditLog
    let people: PeopleDirectory
    let publicURL: String

    /// What the browser (or the proxy) presented.
    enum Presented: Sendable {
        case nothing
        case unreadable(String)
        case chain([Certificate])
    }

    func identify(attempt: String?, presented: Presented, ip: String?, userAgent: String?, logger: Logger) async -> Response {
        guard let attempt, attempt.count <= 64, attempt.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return back(query: "")
        }
        let checked = await verdict(presented)
        do {
            let outcome: String, personID: UUID?, refusal: CardRefusal?
            switch checked {
            case .accepted(let holder):
                // A database error is not "unknown person": it falls to the catch below, and the attempt stays open.
                if let id = try await people.personID(nrn: holder.nrn) {
                    (outcome, personID, refusal) = (CardReaderHandoff.accepted, id, nil)
                } else {
                    (outcome, personID, refusal) = (CardRefusal.unknownPerson.rawValue, nil, .unknownPerson)
                    logger.notice("eID card of an unregistered person", metadata: ["nrn.suffix": "\(holder.nrn.suffix(2))"])
                }
            case .refused(let reason, let detail):
                (outcome, personID, refusal) = (reason.rawValue, nil, reason)
                logger.notice("eID card refused", metadata: ["reason": "\(reason.rawValue)", "detail": "\(detail)"])
            }
            guard let (result, transactionID) = try await handoffs.answer(attempt: attempt, outcome: outcome, personID: personID) else {
                return back(query: "attempt=\(attempt)")
            }
            if let refusal {
                await audit.record(refusal.auditKind, personID: nil, key: .eid, clientID: nil, success: false, ip: ip, userAgent: userAgent)
            }
            return back(query: "tx=\(transactionID)&attempt=\(attempt)&result=\(result)")
        } catch {
            logger.error("eID hand-off not recorded", metadata: ["error": "\(error)"])
            return back(query: "attempt=\(attempt)")
        }
    }

    private func verdict(_ presented: Presented) async -> CardCertificateCheck.Outcome {
        switch presented {
        case .nothing: .refused(.noCertificate, detail: "no certificate presented")
        case .unreadable(let why): .refused(.unreadableCertificate, detail: why)
        case .chain(let chain): await check.check(chain)
        }
    }

    private func back(query: String) -> Response {
        Response(status: .seeOther, headers: [.location: "\(publicURL)\(GatewayPath.cardReaderReturn)?\(query)", .cacheControl: "no-store"])
    }

    // MARK: Behind a reverse proxy

    /// The certificate a trusted proxy forwards (nginx's `$ssl_client_escaped_cert`: URL-escaped PEM). The header
    /// from anyone else is ignored, so a visitor cannot claim a certificate by sending the header themselves.
    static func forwarded(_ request: Request, from ip: String?, settings: CardReaderSettings, logger: Logger) -> Presented {
        guard let name = HTTPField.Name(settings.proxyHeader), let value = request.headers[name], !value.isEmpty else { return .nothing }
        guard let ip, settings.trustedProxies.contains(ip) else {
            logger.warning("client-certificate header from an address that is not a trusted proxy: ignored", metadata: ["ip": "\(ip ?? "?")"])
            return .nothing
        }
        return parse(pem: value.removingPercentEncoding ?? value)
    }

    static func parse(pem: String) -> Presented {
        guard pem.count <= 32 * 1024 else { return .unreadable("certificate text too long") }
        guard let documents = try? PEMDocument.parseMultiple(pemString: pem), !documents.isEmpty else {
            return .unreadable("not a PEM certificate")
        }
        do {
            return .chain(try documents.map { try Certificate(pemDocument: $0) })
        } catch {
            return .unreadable("not a certificate: \(error)")
        }
    }
}
