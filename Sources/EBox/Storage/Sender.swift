import FluentKit
import Foundation
import PersoCore

/// A public service that may publish into eBoxes: bound to one OAuth client of the gateway (client credentials with
/// the `ebox:publish` scope), named in the four languages, with the message types it may send.
final class Sender: Model, @unchecked Sendable {
    static let schema = "ebox_senders"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "client_id") var clientID: String
    @Field(key: "name_fr") var nameFrench: String
    @Field(key: "name_nl") var nameDutch: String
    @Field(key: "name_de") var nameGerman: String
    @Field(key: "name_en") var nameEnglish: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A message type a sender may publish, and how long its documents are kept.
final class SenderMessageType: Model, @unchecked Sendable {
    static let schema = "ebox_sender_types"

    @ID(key: .id) var id: UUID?
    @Field(key: "sender_id") var senderID: UUID
    @Field(key: "type") var type: String
    @Field(key: "validity_days") var validityDays: Int

    init() {}
}
