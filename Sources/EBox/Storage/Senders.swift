import FluentKit
import Foundation
import PersoCore

/// The registered senders and the message types each may publish.
public struct Senders: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    /// What registering a sender says: its gateway client, its names, and its types with their keeping time in days.
    public struct Registration: Sendable {
        public var code: String
        public var clientID: String
        public var names: [PersoCore.Language: String]
        public var types: [String: Int]

        public init(code: String, clientID: String, names: [PersoCore.Language: String], types: [String: Int]) {
            self.code = code
            self.clientID = clientID
            self.names = names
            self.types = types
        }
    }

    /// Adds the sender, or brings an existing one (same code) in line: names, client and types.
    public func register(_ registration: Registration) async throws {
        try await database.db.transaction { db in
            let sender = try await Sender.query(on: db).filter(\.$code == registration.code).first() ?? Sender()
            if sender.id == nil { sender.createdAt = clock() }
            sender.code = registration.code
            sender.clientID = registration.clientID
            let fallback = registration.names[.fr] ?? registration.names.values.first ?? registration.code
            sender.nameFrench = registration.names[.fr] ?? fallback
            sender.nameDutch = registration.names[.nl] ?? fallback
            sender.nameGerman = registration.names[.de] ?? fallback
            sender.nameEnglish = registration.names[.en] ?? fallback
            try await sender.save(on: db)
            let senderID = try sender.requireID()
            try await SenderMessageType.query(on: db).filter(\.$senderID == senderID).delete()
            for (type, days) in registration.types.sorted(by: { $0.key < $1.key }) {
                let allowed = SenderMessageType()
                allowed.senderID = senderID
                allowed.type = type
                allowed.validityDays = days
                try await allowed.create(on: db)
            }
        }
    }

    func sender(clientID: String) async throws -> Sender? {
        try await Sender.query(on: database.db).filter(\.$clientID == clientID).first()
    }

    /// How many days a document of this type from this sender is kept; nil when the sender may not send the type.
    func validityDays(sender: Sender, type: String) async throws -> Int? {
        try await SenderMessageType.query(on: database.db).filter(\.$senderID == sender.requireID()).filter(\.$type == type).first()?.validityDays
    }

    func all() async throws -> [UUID: Sender] {
        var senders: [UUID: Sender] = [:]
        for sender in try await Sender.query(on: database.db).all() { senders[try sender.requireID()] = sender }
        return senders
    }
}
