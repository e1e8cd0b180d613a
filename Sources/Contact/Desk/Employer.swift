/// The question PersoContact's entry asks first: BOSA's own staff and other federal services' staff are served by
/// different case desks. BOSA's staff go to BOSA's desk; the others to the desk of the organisation the gateway
/// says they work for.
enum Employer: String, CaseIterable, Sendable {
    case bosa
    case other

    static let bosaDesk = "bosa"

    /// The desk that takes the person's cases: nil when they chose "another service" but the gateway knows them in
    /// BOSA only (or in no organisation).
    func desk(memberships: [(organisation: String, role: String)]) -> String? {
        switch self {
        case .bosa: return Self.bosaDesk
        case .other: return memberships.first(where: { $0.organisation != Self.bosaDesk })?.organisation
        }
    }
}
