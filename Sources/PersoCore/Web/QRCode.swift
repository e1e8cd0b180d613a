import CQRencode
import Foundation

/// A QR code drawn by Debian's libqrencode, as SVG: what a phone's camera scans (an authenticator app's
/// `otpauth://` URI, the mobile identity app's address).
public struct QRCode: Sendable {
    /// Modules per side, and whether each is dark, row by row.
    let width: Int
    let dark: [Bool]

    /// Error correction level M (15 %), the usual choice for a screen; nil if the text does not fit a QR code.
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        width = Int(code.pointee.width)
        // libqrencode: the lowest bit of each byte says whether the module is dark.
        dark = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// One path of unit squares with the four-module quiet zone the standard asks for; scales to any size.
    public func svg(title: String) -> String {
        let side = width + 8
        var path = ""
        for row in 0..<width {
            for column in 0..<width where dark[row * width + column] {
                path += "M\(column + 4) \(row + 4)h1v1h-1z"
            }
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="240" height="240" role="img" \
        aria-labelledby="qr-title" shape-rendering="crispEdges"><title id="qr-title">\(title.attributeEscaped)</title>\
        <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
        """
    }
}
