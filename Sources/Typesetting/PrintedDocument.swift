import CPangoCairo
import Foundation

/// A letter or HR decision as it is published into an eBox: an A4 PDF typeset by Debian's Pango and written
/// by cairo, so that accents, « » and € come out right and no PDF syntax is written by hand.
public struct PrintedDocument: Sendable, Equatable {
    /// One row of a facts table: what a decision is about (person, period, amount), so the reader finds it at a glance.
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// The kinds of content a decision letter needs; nothing richer, so that every document looks alike.
    public enum Block: Sendable, Equatable {
        /// Bold and larger; kept on the same page as the first lines after it.
        case heading(String)
        /// Wrapped text; may run across pages.
        case paragraph(String)
        /// A two-column table of label and value; values wrap in their column.
        case facts([Fact])
        /// Right-aligned and kept together, e.g. "Brussels, 30 November 2026 — the HR service".
        case signature(String)
    }

    /// Shown at the top (large, bold) and written as the PDF's Title, which eBox viewers list.
    public var title: String
    /// The PDF's Author: the organisation that takes the decision.
    public var author: String
    /// Small lines at the top left of the first page: organisation, address.
    public var letterhead: [String]
    public var blocks: [Block]
    /// A small line at the bottom of every page, beside "N / M" (figures only, so it suits any language).
    public var footer: String
    /// The PDF's CreationDate. Pass the decision's date: then the same document always gives the same bytes;
    /// without it, cairo writes the time of rendering.
    public var creationDate: Date?

    public init(
        title: String,
        author: String,
        letterhead: [String] = [],
        blocks: [Block],
        footer: String = "",
        creationDate: Date? = nil
    ) {
        self.title = title
        self.author = author
        self.letterhead = letterhead
        self.blocks = blocks
        self.footer = footer
        self.creationDate = creationDate
    }

    /// An A4 PDF with 20 mm margins in DejaVu Sans (fonts-dejavu-core).
    ///
    /// All text goes to Pango as plain text, never markup, so `<` and `&` in a name are printed as they are.
    /// Pango and cairo objects are made for this call alone and freed before it returns, so concurrent calls
    /// from Swift tasks share nothing but Pango's per-thread font map.
    public func pdf() throws(TypesettingError) -> Data {
        var metadata: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, Self.plain(title, singleLine: true)),
            (CAIRO_PDF_METADATA_AUTHOR, Self.plain(author, singleLine: true)),
            (CAIRO_PDF_METADATA_CREATOR, "PersoPoint"),
        ]
        if let creationDate {
            // cairo takes ISO 8601 and writes it as a PDF date.
            let stamp = creationDate.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
            metadata.append((CAIRO_PDF_METADATA_CREATE_DATE, stamp))
        }
        return try InMemoryPDF.render(
            width: PageComposer.pageWidth, height: PageComposer.pageHeight, metadata: metadata
        ) { cr in
            let composer = PageComposer(cr: cr)
            composer.compose(self)
        }
    }

    /// Text as Pango and cairo should get it: line ends made "\n", other control characters dropped (Pango would
    /// draw them as boxes, and a NUL would cut a C string short).
    static func plain(_ text: String, singleLine: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR:
                continue
            case "\r", "\n", "\u{2028}", "\u{2029}", "\u{85}":
                result.append(singleLine ? " " : "\n")
            case "\t":
                result.append(singleLine ? " " : "\t")
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}

/// Why no PDF could be made: cairo's own status string, since cairo is what failed (memory, a write, a font).
public enum TypesettingError: Error, Sendable, Equatable {
    case cairo(String)
}
