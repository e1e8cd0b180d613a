/// The issuing countries an officer chooses from: the European Union, the EEA and Switzerland first (the documents
/// offices see most), then the others people most often bring; ISO 3166-1 alpha-2 codes, named by `Locale`.
enum Countries {
    static let codes: [String] = [
        "BE", "NL", "LU", "FR", "DE", "AT", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "GR", "HU", "IE", "IT", "LV", "LT", "MT", "PL", "PT",
        "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB", "US", "CA", "MA", "DZ", "TN", "TR", "CD", "RW", "BI", "CM", "SN",
        "UA", "RU", "AL", "XK", "RS", "BA", "MK", "IN", "CN", "BR", "SY", "AF", "IQ", "IR",
    ]
}
