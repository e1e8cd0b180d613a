import FluentKit
import Foundation
import NIOConcurrencyHelpers
import PersoCore
import SQLKit

/// A registered sender as the eBox uses it: its gateway client, names, and the types it may publish with how many
/// days their documents are kept.
struct SenderProfile: Sendable {
    let id: UUID
    let code: String
    let clientID: String
    let names: [Language: String]
    let types: [String: Int]

    func name(in language: Language) -> String { names[language] ?? names[.fallback] ?? code }
}

/// The registered senders and the message types each may publish. Read on every publish, they are kept in memory
/// for `cacheLifetime` (a change made on another instance arrives within it); an unknown client re-reads at once.
public struct Senders: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date
    private let cache = SenderCache()
    static let cacheLifetime: TimeInterval = 30

    init(database: PersoDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

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
        try await database.write { db in
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
        cache.forget()
    }

    func sender(clientID: String) async throws -> SenderProfile? {
        if let found = try await profiles().values.first(where: { $0.clientID == clientID }) { return found }
        // Registered a moment ago, perhaps on another instance.
        guard cache.age(now: clock()) > 1 else { return nil }
        cache.forget()
        return try await profiles().values.first { $0.clientID == clientID }
    }

    /// Every sender by id.
    func profiles() async throws -> [UUID: SenderProfile] {
        let now = clock()
        if let cached = cache.profiles(now: now, lifetime: Self.cacheLifetime) { return cached }
        let sql = database.sql
        var types: [UUID: [String: Int]] = [:]
        for row in try await sql.select().columns("sender_id", "type", "validity_days").from(SenderMessageType.schema).all() {
            types[try row.decode(column: "sender_id", as: UUID.self), default: [:]][try row.decode(column: "type", as: String.self)] =
                try row.decode(column: "validity_days", as: Int.self)
        }
        var profiles: [UUID: SenderProfile] = [:]
        for row in try await sql.select().columns("id", "code", "client_id", "name_fr", "name_nl", "name_de", "name_en").from(Sender.schema).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            profiles[id] = SenderProfile(
                id: id, code: try row.decode(column: "code", as: String.self), clientID: try row.decode(column: "client_id", as: String.self),
                names: [.fr: try row.decode(column: "name_fr", as: String.self), .nl: try row.decode(column: "name_nl", as: String.self),
                        .de: try row.decode(column: "name_de", as: String.self), .en: try row.decode(column: "name_en", as: String.self)],
                types: types[id] ?? [:]
            )
        }
        cache.keep(profiles, at: now)
        return profiles
    }
}

/// The senders as last read, and when.
private final class SenderCache: Sendable {
    private let state = NIOLockedValueBox<(profiles: [UUID: SenderProfile], readAt: Date)?>(nil)

    func profiles(now: Date, lifetime: TimeInterval) -> [UUID: SenderProfile]? {
        state.withLockedValue { state in
            guard let state, now.timeIntervalSince(state.readAt) < lifetime, now >= state.readAt else { return nil }
            return state.profiles
        }
    }

    func age(now: Date) -> TimeInterval {
        state.withLockedValue { state in state.map { now.timeIntervalSince($0.readAt) } ?? .infinity }
    }

    func keep(_ profiles: [UUID: SenderProfile], at now: Date) { state.withLockedValue { $0 = (profiles, now) } }
    func forget() { state.withLockedValue { $0 = nil } }
}
