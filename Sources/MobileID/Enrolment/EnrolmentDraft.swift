import Foundation
import PersoCore

/// What the computer's pages have gathered so far, kept in the visitor's session between the steps: the details of
/// step 2, then the enrolment the signature made and its token (shown again on a reload, until the phone uses it).
struct EnrolmentDraft: Codable, Sendable {
    var country: String
    var number: String
    var email: String
    var phone: String
    var enrolmentID: UUID?
    var token: String?

    static let key = SessionValue<EnrolmentDraft>("mobileid.enrolment")
}
