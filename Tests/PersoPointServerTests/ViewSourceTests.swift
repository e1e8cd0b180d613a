import Foundation
import Testing

/// Reads the views' source, as a reviewer would: attribute escaping must come from the view layer
/// (`PersoCore/Web/EscapedAttributes.swift`), which only works in files that see PersoCore's declarations.
@Suite("The views as a reviewer reads them")
struct ViewSourceTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static func viewFiles() throws -> [(path: String, text: String)] {
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "swift" }.compactMap { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            return text.contains("import Plot") ? (url.path, text) : nil
        }
    }

    @Test("every file that builds HTML with Plot sees the view layer, and none escapes an attribute by hand")
    func escapingIsTheViewLayers() throws {
        let files = try Self.viewFiles()
        #expect(files.count > 30)
        for (path, text) in files {
            let name = URL(fileURLWithPath: path).lastPathComponent
            #expect(text.contains("import PersoCore") || path.contains("/PersoCore/"), "\(name) imports Plot without PersoCore")
            guard !["EscapedAttributes.swift", "HTMLEscaping.swift"].contains(name) else { continue }
            for line in text.split(separator: "\n") where line.contains(".attributeEscaped") && !line.contains("let escape:") {
                Issue.record("\(name) escapes an attribute at the call site: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }
}
