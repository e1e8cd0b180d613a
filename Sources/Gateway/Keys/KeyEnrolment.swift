import FluentKit
import Foundation
import Hummingbird
import PersoCore

/// How a person gets a key outside a login: from "my keys" in a strong enough session, from the CLI (the
/// registration office's terminal) and in the demo data. Replacing a key replaces its secret: the old app or card
/// no longer works.
public protocol KeyEnrolment: Sendable {
    /// How "my keys" starts the activation: a button that activates at once, or a link to a page of the key's own.
    var start: EnrolmentStart { get }
    /// The key's activation page (`start == .page`), at `GET /fas/keys/<id>`.
    func page(personID: UUID, context: PersoRequestContext) async throws -> Response
    /// `POST /fas/keys/<id>`: activates (a button) or checks what the key's page asked (a first code).
    func activate(personID: UUID, request: Request, context: PersoRequestContext) async throws -> EnrolmentOutcome
    /// Activates or replaces the key at once, for the CLI: what to hand the person.
    func issue(to personID: UUID, account: String) async throws -> IssuedKey
    /// A demo person's key, with secrets derived from `seed` so that the documented codes work.
    func issueForDemo(to personID: UUID, account: String, seed: String, on db: any Database) async throws
}

extension KeyEnrolment {
    public var start: EnrolmentStart { .button }
    public func page(personID: UUID, context: PersoRequestContext) async throws -> Response { throw PersoError.notFound }
}

public enum EnrolmentStart: Sendable {
    case button
    case page
}

public enum EnrolmentOutcome: Sendable {
    /// Done: "my keys" says so.
    case activated
    /// Done, and this page shows what the person must keep, once (a token card to print).
    case issued(Response)
    /// Not yet: show this page again (a wrong first code).
    case askAgain(Response)
    /// Not possible for this person: "my keys" shows why.
    case refused(String)
}

/// What a new key gives the person, to be shown once (`persopoint key add`).
public struct IssuedKey: Sendable, Encodable {
    /// Where codes will go (an e-mail key).
    public var address: String?
    /// A secret to type or scan, and the URI an app scans.
    public var secret: String?
    public var uri: String?
    /// Codes to print (a token card), the first at position 1.
    public var codes: [String]?

    public init(address: String? = nil, secret: String? = nil, uri: String? = nil, codes: [String]? = nil) {
        self.address = address
        self.secret = secret
        self.uri = uri
        self.codes = codes
    }
}

/// Why a key cannot be given to this person, for the CLI.
public enum EnrolmentRefusal: Error, CustomStringConvertible {
    case noEmailAddress

    public var description: String {
        switch self {
        case .noEmailAddress: "this person has no e-mail address on record"
        }
    }
}
