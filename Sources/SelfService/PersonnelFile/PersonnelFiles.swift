import Foundation
import PersoCore

/// Gathers what a personnel file shows from the register, the pay slips and the decisions.
struct PersonnelFiles: Sendable {
    let register: StaffRegister
    let paySlips: PaySlips
    let interruptions: CareerInterruptions

    func view(of member: StaffMember, texts: HRTexts, language: Language) async throws -> PersonnelFileView {
        PersonnelFileView(member: member, managerName: try await register.member(member.manager)?.fullName,
                          slips: try await paySlips.slips(of: member.nationalNumber),
                          decisions: try await interruptions.applications(of: member.nationalNumber),
                          texts: texts, appTexts: SelfServiceTexts.texts(for: language), language: language)
    }
}
