import PersoCore
import Gateway
import Testing

@Suite("National register numbers")
struct NationalRegisterNumberTests {
    @Test("valid numbers are accepted in their written forms, births before and from 2000")
    func valid() throws {
        let before2000 = NationalRegisterNumber.make(year: 1985, month: 7, day: 30, serial: 33)
        #expect(try NationalRegisterNumber(before2000.formatted) == before2000)
        let from2000 = NationalRegisterNumber.make(year: 2001, month: 5, day: 17, serial: 296)
        #expect(try NationalRegisterNumber(from2000.digits) == from2000)
        // 97 − (850730033 mod 97) = 97 − 69 = 28.
        #expect(before2000.digits == "85073003328")
    }

    @Test("wrong check digits and malformed input are refused")
    func invalid() {
        #expect(throws: NationalRegisterNumber.Problem.checkDigitsWrong) { try NationalRegisterNumber("85073003329") }
        #expect(throws: NationalRegisterNumber.Problem.notElevenDigits) { try NationalRegisterNumber("8507300334") }
        #expect(throws: NationalRegisterNumber.Problem.notElevenDigits) { try NationalRegisterNumber("8507300332x") }
        #expect(throws: NationalRegisterNumber.Problem.notElevenDigits) { try NationalRegisterNumber("８５073003328") }
    }
}
