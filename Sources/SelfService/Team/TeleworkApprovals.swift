import Foundation
import PersoCore
import Plot

/// The team's telework patterns waiting for the manager: whose, which days, approve or refuse.
struct TeleworkApprovals {
    let waiting: [TeleworkPattern]
    let team: [StaffMember]
    let texts: HRTexts
    let session: Session

    var node: Node<HTML.BodyContext> {
        guard !waiting.isEmpty else { return .empty }
        let names = Dictionary(team.map { ($0.nationalNumber, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        return .section(
            .id("telework-waiting"),
            .h2(.text(texts.teleworkApprovalTitle)),
            .ul(.forEach(waiting) { pattern in
                let path = SelfServicePath.teleworkDecision(pattern.id ?? UUID())
                return .li(
                    .attribute(named: "data-pattern", value: pattern.id?.uuidString.lowercased() ?? ""),
                    .text("\(names[pattern.nationalNumber] ?? pattern.nationalNumber): \(pattern.weekdays.map(texts.weekdayName).joined(separator: ", ")) "),
                    .form(.class("inline"), .method(.post), .action(path), .csrfField(session), .input(.type(.hidden), .name("decision"), .value("approve")),
                          .button(.class("approve-telework"), .type(.submit), .text(texts.approvePattern))),
                    .form(.class("inline"), .method(.post), .action(path), .csrfField(session), .input(.type(.hidden), .name("decision"), .value("refuse")),
                          .button(.class("refuse-telework secondary"), .type(.submit), .text(texts.refusePattern)))
                )
            })
        )
    }
}
