/// The 5-digit code the person chooses at step 8. Codes anyone would try first (all one digit, a run up or down)
/// are refused, as banking apps do.
enum ItsmeCode {
    static func isWellFormed(_ code: String) -> Bool {
        code.count == 5 && code.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isAcceptable(_ code: String) -> Bool {
        guard isWellFormed(code) else { return false }
        let digits = code.compactMap(\.wholeNumberValue)
        let steps = Set(zip(digits, digits.dropFirst()).map { $1 - $0 })
        return !(steps.count == 1 && [0, 1, -1].contains(steps.first!))
    }
}
