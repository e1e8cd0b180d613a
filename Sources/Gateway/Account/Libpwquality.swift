import CPwquality
import NIOConcurrencyHelpers

/// libpwquality, configured for NIST's rules rather than its own defaults: length and no character classes,
/// the cracklib dictionary, the username, repetitions and sequences.
enum Libpwquality {
    /// cracklib keeps its dictionary state in static buffers: one check at a time.
    private static let lock = NIOLock()

    static func check(_ password: String, old: String?, user: String?, minimumLength: Int) -> PasswordPolicy.Refusal? {
        lock.withLock {
            guard let settings = pwquality_default_settings() else { return .checkUnavailable }
            defer { pwquality_free_settings(settings) }
            let values: [(Int32, Int32)] = [
                (PWQ_SETTING_MIN_LENGTH, Int32(minimumLength)),
                // No composition rules (NIST): a digit or a capital earns nothing and is required of no one.
                (PWQ_SETTING_DIG_CREDIT, 0), (PWQ_SETTING_UP_CREDIT, 0), (PWQ_SETTING_LOW_CREDIT, 0), (PWQ_SETTING_OTH_CREDIT, 0),
                (PWQ_SETTING_MIN_CLASS, 0),
                (PWQ_SETTING_DICT_CHECK, 1), (PWQ_SETTING_USER_CHECK, 1),
                // "aaaaa" and "123456" are what NIST names as repetitive and sequential.
                (PWQ_SETTING_MAX_REPEAT, 4), (PWQ_SETTING_MAX_SEQUENCE, 5),
            ]
            for (setting, value) in values where pwquality_set_int_value(settings, setting, value) != 0 {
                return .checkUnavailable
            }
            var auxiliary: UnsafeMutableRawPointer?
            let result = password.withCString { password in
                withOptionalCString(old) { old in
                    withOptionalCString(user) { user in pwquality_check(settings, password, old, user, &auxiliary) }
                }
            }
            guard result < 0 else { return nil }
            return refusal(code: result, cracklibMessage: result == PWQ_ERROR_CRACKLIB_CHECK ? auxiliary.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } : nil)
        }
    }

    /// libpwquality's error codes as our reasons. cracklib's verdicts all share one code; its message (a constant
    /// string, English in the server's C locale) tells a dictionary word from a systematic one.
    static func refusal(code: Int32, cracklibMessage: String?) -> PasswordPolicy.Refusal {
        switch code {
        case PWQ_ERROR_MIN_LENGTH, PWQ_ERROR_EMPTY_PASSWORD:
            return .tooShort
        case PWQ_ERROR_SAME_PASSWORD, PWQ_ERROR_TOO_SIMILAR, PWQ_ERROR_CASE_CHANGES_ONLY, PWQ_ERROR_ROTATED:
            return .sameAsOld
        case PWQ_ERROR_USER_CHECK, PWQ_ERROR_GECOS_CHECK, PWQ_ERROR_BAD_WORDS:
            return .personalData
        case PWQ_ERROR_CRACKLIB_CHECK:
            let message = cracklibMessage ?? ""
            if message.contains("error loading") { return .checkUnavailable }
            if message.contains("dictionary word") { return .dictionaryWord }
            if message.contains("username") || message.contains("password entry") { return .personalData }
            return .tooSimple
        case PWQ_ERROR_PALINDROME, PWQ_ERROR_MAX_CONSECUTIVE, PWQ_ERROR_MAX_CLASS_REPEAT, PWQ_ERROR_MAX_SEQUENCE,
             PWQ_ERROR_MIN_DIGITS, PWQ_ERROR_MIN_UPPERS, PWQ_ERROR_MIN_LOWERS, PWQ_ERROR_MIN_OTHERS, PWQ_ERROR_MIN_CLASSES:
            return .tooSimple
        default:
            return .checkUnavailable
        }
    }

    private static func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }
}
