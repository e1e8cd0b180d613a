// Temporary until the translations land (deleted then).
extension HRTexts {
    static let french = english
    static let dutch = english
    static let german = english
}
