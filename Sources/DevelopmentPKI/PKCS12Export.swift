import Foundation

/// Writes a PKCS#12 file with `openssl pkcs12 -export`: swift-certificates and NIOSSL read PKCS#12 but do not
/// write it. AES-256 and SHA-256 (not the legacy RC2/3DES defaults), which Chromium, Firefox and macOS import.
enum PKCS12Export {
    static func write(certificate: URL, key: URL, chain: URL, name: String, password: String, to file: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "pkcs12", "-export", "-in", certificate.path, "-inkey", key.path, "-certfile", chain.path,
            "-name", name, "-keypbe", "AES-256-CBC", "-certpbe", "AES-256-CBC", "-macalg", "sha256",
            "-passout", "env:PERSOPOINT_PKCS12_PASSWORD", "-out", file.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PERSOPOINT_PKCS12_PASSWORD"] = password
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DevelopmentPKIError.pkcs12("openssl could not be started (apt install openssl): \(error)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DevelopmentPKIError.pkcs12(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }
}
