/// Why a login coming back from the gateway was refused. Each case is a stable code for the logs; the person
/// sees one localised page saying the login could not be completed, with a way to try again.
public enum LoginRefusal: String, Error, Sendable, CaseIterable {
    /// No login of ours is waiting for this `state`: forged, replayed, or started too long ago.
    case unknownState = "unknown_state"
    /// The person stopped at the gateway ("cancel" on the key chooser).
    case cancelled
    /// The gateway answered the login with an error of its own.
    case gatewayError = "gateway_error"
    case gatewayUnavailable = "gateway_unavailable"
    /// The code was not exchanged (expired, already used, or our credentials are wrong).
    case codeRejected = "code_rejected"
    case badSignature = "bad_signature"
    case wrongIssuer = "wrong_issuer"
    case wrongAudience = "wrong_audience"
    case expired
    case wrongNonce = "wrong_nonce"
    /// The token's `acr` is below what this application requires.
    case insufficientLevel = "insufficient_level"
    /// The application has no client secret to present (its file is missing).
    case notConfigured = "not_configured"
}
