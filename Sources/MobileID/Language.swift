import PersoCore

/// Plot also declares a `Language`; in this module the word means the portal's four languages.
typealias Language = PersoCore.Language
