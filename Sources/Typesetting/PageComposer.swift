import CPangoCairo

/// Lays a document out line by line with Pango and breaks pages between lines, because a whole PangoLayout that
/// runs past the bottom margin cannot be split afterwards. Layout comes first and drawing second, so that the
/// footer can say "N / M". One composer serves one document on one thread and frees everything it made.
final class PageComposer {
    static let pageWidth = 210 * pointsPerMillimetre
    static let pageHeight = 297 * pointsPerMillimetre
    static let margin = 20 * pointsPerMillimetre
    private static let pointsPerMillimetre = 72 / 25.4
    private static let scale = Double(PANGO_SCALE)

    private struct PlacedLine {
        /// Owned by a layout in `layouts`, which stays alive and unchanged until drawing is done.
        var line: UnsafeMutablePointer<PangoLayoutLine>
        var x: Double
        var baseline: Double
    }

    private struct Rule {
        var x0: Double
        var x1: Double
        var y: Double
    }

    private struct Page {
        var lines: [PlacedLine] = []
        var rules: [Rule] = []
    }

    private let cr: OpaquePointer
    private let context: OpaquePointer
    private let bodyFont: OpaquePointer
    private let labelFont: OpaquePointer
    private let headingFont: OpaquePointer
    private let titleFont: OpaquePointer
    private let smallFont: OpaquePointer
    private var layouts: [OpaquePointer] = []
    private var pages: [Page] = [Page()]

    private let left = margin
    private let width = pageWidth - 2 * margin
    private let top = margin
    /// Where the footer's line starts; text stops a little above it.
    private let footerTop: Double
    private let bottom: Double
    private let bodyLineHeight: Double
    private var y = margin

    init(cr: OpaquePointer) {
        self.cr = cr
        // A context of our own (from the thread's font map) rather than a shared one: Pango objects are not
        // safe to share between threads. 72 dpi because cairo's PDF unit is the point; Pango assumes 96.
        context = pango_cairo_create_context(cr)
        pango_cairo_context_set_resolution(context, 72)
        bodyFont = pango_font_description_from_string("DejaVu Sans 10")
        labelFont = pango_font_description_from_string("DejaVu Sans Bold 10")
        headingFont = pango_font_description_from_string("DejaVu Sans Bold 12")
        titleFont = pango_font_description_from_string("DejaVu Sans Bold 16")
        smallFont = pango_font_description_from_string("DejaVu Sans 8")

        footerTop = Self.pageHeight - Self.margin - Self.measureLineHeight(context, smallFont)
        bottom = footerTop - 12
        bodyLineHeight = Self.measureLineHeight(context, bodyFont)
    }

    deinit {
        for layout in layouts { g_object_unref(UnsafeMutableRawPointer(layout)) }
        for font in [bodyFont, labelFont, headingFont, titleFont, smallFont] { pango_font_description_free(font) }
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    func compose(_ document: PrintedDocument) {
        if !document.letterhead.isEmpty {
            let lines = document.letterhead.map { PrintedDocument.plain($0, singleLine: true) }
            flow([(layout(lines.joined(separator: "\n"), font: smallFont, width: width), left)])
            skip(18)
        }
        flow([(layout(PrintedDocument.plain(document.title), font: titleFont, width: width), left)])
        skip(6)

        var afterHeading = false
        for block in document.blocks {
            switch block {
            case .heading(let text):
                skip(14)
                let heading = layout(PrintedDocument.plain(text), font: headingFont, width: width)
                // Keep a heading with the first lines it introduces.
                keepTogether(height(of: heading) + 2 * bodyLineHeight)
                flow([(heading, left)])
            case .paragraph(let text):
                skip(afterHeading ? 4 : 8)
                flow([(layout(PrintedDocument.plain(text), font: bodyFont, width: width), left)])
            case .facts(let facts):
                guard !facts.isEmpty else { break }
                skip(afterHeading ? 4 : 8)
                factsTable(facts)
            case .signature(let text):
                skip(28)
                let signature = layout(
                    PrintedDocument.plain(text), font: bodyFont, width: width, alignment: PANGO_ALIGN_RIGHT)
                keepTogether(height(of: signature))
                flow([(signature, left)])
            }
            if case .heading = block { afterHeading = true } else { afterHeading = false }
        }
        draw(footer: PrintedDocument.plain(document.footer, singleLine: true))
    }

    /// Label and value side by side, lines stepping together, a hairline between rows.
    private func factsTable(_ facts: [PrintedDocument.Fact]) {
        let gap = 12.0
        let labelWidth = (width * 0.35).rounded()
        let valueX = left + labelWidth + gap
        keepTogether(bodyLineHeight + 6)
        rule()
        for fact in facts {
            y += 3
            flow([
                (layout(PrintedDocument.plain(fact.label), font: labelFont, width: labelWidth), left),
                (layout(PrintedDocument.plain(fact.value), font: bodyFont, width: width - labelWidth - gap), valueX),
            ])
            y += 3
            rule()
        }
    }

    // MARK: Layout

    private func layout(
        _ text: String, font: OpaquePointer, width: Double, alignment: PangoAlignment = PANGO_ALIGN_LEFT
    ) -> OpaquePointer {
        let layout: OpaquePointer = pango_layout_new(context)
        layouts.append(layout)
        pango_layout_set_font_description(layout, font)
        pango_layout_set_width(layout, pango_units_from_double(width))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(layout, alignment)
        // Plain text, never markup: "<b>&amp;" in a name is printed as typed.
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        return layout
    }

    /// Places the lines of side-by-side layouts in lockstep (a paragraph is one column, a fact row two) and
    /// starts a new page before a line that would cross the bottom margin.
    private func flow(_ columns: [(layout: OpaquePointer, x: Double)]) {
        let iterators: [OpaquePointer] = columns.map { pango_layout_get_iter($0.layout) }
        defer { for iterator in iterators { pango_layout_iter_free(iterator) } }
        var more = Array(repeating: true, count: iterators.count)
        while more.contains(true) {
            var ascent = 0.0
            var descent = 0.0
            var row: [(line: UnsafeMutablePointer<PangoLayoutLine>, x: Double)] = []
            for (index, iterator) in iterators.enumerated() where more[index] {
                var logical = PangoRectangle()
                pango_layout_iter_get_line_extents(iterator, nil, &logical)
                let baseline = Double(pango_layout_iter_get_baseline(iterator))
                ascent = max(ascent, (baseline - Double(logical.y)) / Self.scale)
                descent = max(descent, (Double(logical.y) + Double(logical.height) - baseline) / Self.scale)
                // logical.x carries the alignment offset, as in pango_renderer_draw_layout.
                row.append((pango_layout_iter_get_line_readonly(iterator), columns[index].x + Double(logical.x) / Self.scale))
            }
            if y + ascent + descent > bottom && y > top { newPage() }
            for (line, x) in row {
                pages[pages.count - 1].lines.append(PlacedLine(line: line, x: x, baseline: y + ascent))
            }
            y += ascent + descent
            for index in iterators.indices where more[index] {
                more[index] = pango_layout_iter_next_line(iterators[index]) != 0
            }
        }
    }

    private func newPage() {
        pages.append(Page())
        y = top
    }

    /// Space between blocks, but none at the top of a page.
    private func skip(_ points: Double) {
        if y > top { y += points }
    }

    private func keepTogether(_ height: Double) {
        if y + height > bottom && y > top { newPage() }
    }

    private func rule() {
        pages[pages.count - 1].rules.append(Rule(x0: left, x1: left + width, y: y))
    }

    private func height(of layout: OpaquePointer) -> Double {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.height) / Self.scale
    }

    private static func measureLineHeight(_ context: OpaquePointer, _ font: OpaquePointer) -> Double {
        let probe: OpaquePointer = pango_layout_new(context)
        defer { g_object_unref(UnsafeMutableRawPointer(probe)) }
        pango_layout_set_font_description(probe, font)
        pango_layout_set_text(probe, "Ag", -1)
        var logical = PangoRectangle()
        pango_layout_get_extents(probe, nil, &logical)
        return Double(logical.height) / scale
    }

    // MARK: Drawing

    private func draw(footer: String) {
        let numberWidth = 60.0
        let footerText = layout(footer, font: smallFont, width: width - numberWidth - 12)
        // One line whatever its length: the footer's place is fixed.
        pango_layout_set_ellipsize(footerText, PANGO_ELLIPSIZE_END)

        for (index, page) in pages.enumerated() {
            cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
            cairo_set_line_width(cr, 0.5)
            for rule in page.rules {
                cairo_move_to(cr, rule.x0, rule.y)
                cairo_line_to(cr, rule.x1, rule.y)
            }
            cairo_move_to(cr, left, footerTop - 4)
            cairo_line_to(cr, left + width, footerTop - 4)
            cairo_stroke(cr)

            cairo_set_source_rgb(cr, 0, 0, 0)
            for placed in page.lines {
                cairo_move_to(cr, placed.x, placed.baseline)
                pango_cairo_show_layout_line(cr, placed.line)
            }

            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3)
            cairo_move_to(cr, left, footerTop)
            pango_cairo_show_layout(cr, footerText)
            let number = layout(
                "\(index + 1) / \(pages.count)", font: smallFont, width: numberWidth, alignment: PANGO_ALIGN_RIGHT)
            cairo_move_to(cr, left + width - numberWidth, footerTop)
            pango_cairo_show_layout(cr, number)

            cairo_show_page(cr)
        }
    }
}
