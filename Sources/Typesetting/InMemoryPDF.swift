import CPangoCairo
import Foundation

/// Collects the bytes cairo streams out; a class so that its address can travel through cairo's `void *` closure.
private final class PDFSink {
    var bytes = Data()
}

/// A cairo PDF surface that writes into memory, because a decision goes straight into the eBox's store and
/// never needs a temporary file.
enum InMemoryPDF {
    /// Makes a PDF surface of `width` × `height` points, lets `draw` paint on its cairo context, and returns
    /// the finished file; every cairo object is destroyed before returning, on success and on failure alike.
    static func render(
        width: Double,
        height: Double,
        metadata: [(cairo_pdf_metadata_t, String)],
        draw: (OpaquePointer) -> Void
    ) throws(TypesettingError) -> Data {
        let sink = PDFSink()
        sink.bytes.reserveCapacity(32 * 1024)
        return try withExtendedLifetime(sink) { () throws(TypesettingError) -> Data in
            // Unretained: `sink` outlives the surface, which is destroyed inside this closure.
            let closure = Unmanaged.passUnretained(sink).toOpaque()
            guard let surface = cairo_pdf_surface_create_for_stream(
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                    Unmanaged<PDFSink>.fromOpaque(closure).takeUnretainedValue()
                        .bytes.append(data, count: Int(length))
                    return CAIRO_STATUS_SUCCESS
                },
                closure, width, height
            ) else { throw .cairo("no PDF surface") }
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface))

            for (key, value) in metadata {
                cairo_pdf_surface_set_metadata(surface, key, value)
            }

            guard let cr = cairo_create(surface) else { throw .cairo("no cairo context") }
            draw(cr)
            let drawing = cairo_status(cr)
            cairo_destroy(cr)
            try check(drawing)

            // Finishing writes the trailer through the callback; only then is the file complete.
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface))
            return sink.bytes
        }
    }

    private static func check(_ status: cairo_status_t) throws(TypesettingError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .cairo(String(cString: cairo_status_to_string(status)))
    }
}
