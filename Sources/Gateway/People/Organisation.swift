import FluentKit
import Foundation

/// A federal public service whose staff log in through the gateway (BOSA, FPS Finance…).
public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    /// Short stable code used by the CLI and in tokens (`bosa`, `finance`).
    @Field(key: "code") public var code: String
    @Field(key: "name_fr") public var nameFR: String
    @Field(key: "name_nl") public var nameNL: String
    @Field(key: "name_de") public var nameDE: String
    @Field(key: "name_en") public var nameEN: String

    public init() {}

    public init(code: String, fr: String, nl: String, de: String, en: String) {
        self.code = code
        self.nameFR = fr
        self.nameNL = nl
        self.nameDE = de
        self.nameEN = en
    }
}
