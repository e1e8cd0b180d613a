import NIOCore
import Testing
@testable import PersoCore

@Suite("What people type reaches pages and handlers intact and harmless")
struct HTMLEscapingTests {
    @Test("attribute values cannot break out of their quotes")
    func attributeEscaping() {
        #expect("\"><script>x</script>".attributeEscaped == "&quot;&gt;&lt;script&gt;x&lt;/script&gt;")
        #expect("a&b'c".attributeEscaped == "a&amp;b&#39;c")
    }

    @Test("form bodies decode percent escapes and plus signs, and refuse broken encodings")
    func formFields() {
        let fields = FormFields(buffer: ByteBuffer(string: "name=Jean+Dupont&city=Li%C3%A8ge&name=second&empty="))
        #expect(fields?["name"] == "Jean Dupont")
        #expect(fields?["city"] == "Liège")
        #expect(fields?["empty"] == "")
        #expect(FormFields(buffer: ByteBuffer(string: "a=%ZZ")) == nil)
        #expect(FormFields(buffer: ByteBuffer(string: Array(repeating: "a=1", count: 500).joined(separator: "&"))) == nil)
    }
}
