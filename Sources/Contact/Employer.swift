/// The question PersoContact's entry asks first: BOSA's own staff and other federal services' staff are
/// served by different case desks.
enum Employer: String, CaseIterable, Sendable {
    case bosa
    case other
}
