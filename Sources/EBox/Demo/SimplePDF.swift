import Foundation

/// A one-page PDF of a few lines of text (Helvetica, WinAnsi): enough for the demo's documents and the tests, with
/// a correct cross-reference table so that every viewer opens it.
enum SimplePDF {
    static func make(title: String, lines: [String]) -> Data {
        var content = "BT /F1 16 Tf 56 780 Td (\(escape(title))) Tj ET\n"
        for (index, line) in lines.enumerated() {
            content += "BT /F1 11 Tf 56 \(740 - index * 18) Td (\(escape(line))) Tj ET\n"
        }
        let contentBytes = Array(latin1(content))
        let objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Array("<< /Length \(contentBytes.count) >>\nstream\n".utf8) + contentBytes + Array("endstream".utf8),
        ]
        var pdf = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf += Array("\(index + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = pdf.count
        pdf += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { pdf += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        pdf += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(pdf)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }

    /// WinAnsi covers the accents of French, Dutch and German; anything else becomes "?".
    private static func latin1(_ text: String) -> Data {
        text.data(using: .windowsCP1252, allowLossyConversion: true) ?? Data(text.utf8)
    }
}
