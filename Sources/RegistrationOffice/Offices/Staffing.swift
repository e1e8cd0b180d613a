import Foundation
import Gateway
import PersoCore

/// Putting people on an office's staff and taking them off, with the `registration_officer` role that goes with it:
/// the role is given in the office's organisation, and withdrawn when the person leaves the last office of theirs
/// that serves that organisation, so that nobody keeps an officer's role without an office. The caller audits.
public struct Staffing: Sendable {
    let offices: Offices
    let authority: RegistrationAuthority

    /// True when the role was new to the person.
    public func appoint(_ personID: UUID, to office: Office, administrator: Bool) async throws -> Bool {
        var granted = false
        if let organisation = office.organisations.first {
            granted = try await authority.grant(.registrationOfficer, in: organisation, to: personID)
        }
        try await offices.addOfficer(personID, to: office, administrator: administrator)
        return granted
    }

    /// Whether the person was on the staff, and the organisations whose role was withdrawn.
    public func dismiss(_ personID: UUID, from office: Office) async throws -> (removed: Bool, withdrawnIn: [String]) {
        guard try await offices.removeOfficer(personID, from: office) else { return (false, []) }
        let stillServed = Set(try await offices.workplaces(of: personID).flatMap(\.office.organisations))
        var withdrawn: [String] = []
        for organisation in office.organisations where !stillServed.contains(organisation) {
            if try await authority.revoke(.registrationOfficer, in: organisation, from: personID) { withdrawn.append(organisation) }
        }
        return (true, withdrawn)
    }
}
