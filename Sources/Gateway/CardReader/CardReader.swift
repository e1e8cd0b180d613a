import Foundation
import PersoCore
import SwiftASN1
import X509

/// The eID card reader key's configuration made usable: trust anchors and intermediates read from their PEM
/// files, the listener's certificate, and the checks built on them. Absent (nil in the gateway) when no trust
/// anchor is configured: the key chooser then shows the key as not available.
public struct CardReader: Sendable {
    public let settings: CardReaderSettings
    let anchors: [Certificate]
    let intermediates: [Certificate]
    /// The listener's certificate and key; not needed behind a proxy (no listener port).
    let serverCertificateFile: String?
    let serverKeyFile: String?

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// `trustAnchorFiles` etc. are the settings' files, or the development PKI's when the settings name none.
    public init(settings: CardReaderSettings, trustAnchorFiles: [String], intermediateFiles: [String],
                serverCertificateFile: String?, serverKeyFile: String?) throws {
        self.settings = settings
        anchors = try Self.certificates(trustAnchorFiles)
        intermediates = try Self.certificates(intermediateFiles)
        guard !anchors.isEmpty else { throw Problem(description: "no trust anchor for eID certificates") }
        guard settings.port == nil || (serverCertificateFile != nil && serverKeyFile != nil) else {
            throw Problem(description: "the eID listener needs PERSOPOINT_EID_SERVER_CERT and PERSOPOINT_EID_SERVER_KEY (or PERSOPOINT_EID_PORT=0 behind a proxy)")
        }
        self.serverCertificateFile = serverCertificateFile
        self.serverKeyFile = serverKeyFile
    }

    var check: CardCertificateCheck {
        CardCertificateCheck(anchors: anchors, intermediates: intermediates, ocspOverride: settings.ocspURL, hardFail: settings.revocationHardFail)
    }

    /// The listener's origin without a trailing slash.
    var listenerURL: String { settings.publicURL.base }

    static func certificates(_ files: [String]) throws -> [Certificate] {
        try files.flatMap { file -> [Certificate] in
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw Problem(description: "cannot read \(file)") }
            do {
                return try PEMDocument.parseMultiple(pemString: text).map { try Certificate(pemDocument: $0) }
            } catch {
                throw Problem(description: "\(file) holds no PEM certificate: \(error)")
            }
        }
    }
}
