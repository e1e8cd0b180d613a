import FluentKit
import Foundation
import PersoCore
import SQLKit

/// Who handles which topics at a desk, and who is on duty. A handler is known to the desk from their first visit to
/// the queue (every topic, on duty); they choose their topics and go off duty there.
struct Duties: Sendable {
    let database: PersoDatabase

    /// Makes sure the handler has rows at each desk they hold the role for and none at a desk they no longer serve
    /// (the gateway's roles as of this login), and keeps their name current.
    func arrive(_ handler: Actor, desks: [String]) async throws {
        let known = try await HandlerDuty.query(on: database.db).filter(\.$handlerNRN == handler.nationalNumber).all()
        let missing = desks.filter { desk in !known.contains { $0.desk == desk } }
        let left = Set(known.map(\.desk)).subtracting(desks)
        let renamed = known.filter { $0.handlerName != handler.name }
        guard !missing.isEmpty || !left.isEmpty || !renamed.isEmpty else { return }
        try await database.write { db in
            if !left.isEmpty {
                try await HandlerDuty.query(on: db).filter(\.$handlerNRN == handler.nationalNumber).filter(\.$desk ~~ Array(left)).delete()
            }
            for desk in missing {
                for topic in Topic.allCases {
                    let duty = HandlerDuty()
                    duty.handlerNRN = handler.nationalNumber
                    duty.handlerName = handler.name
                    duty.desk = desk
                    duty.topic = topic
                    duty.onDuty = true
                    duty.turn = 0
                    try await duty.create(on: db)
                }
            }
            try await HandlerDuty.query(on: db).filter(\.$handlerNRN == handler.nationalNumber).set(\.$handlerName, to: handler.name).update()
        }
    }

    /// The handler's rows at one desk.
    func duties(of nationalNumber: String, desk: String) async throws -> [HandlerDuty] {
        try await HandlerDuty.query(on: database.db).filter(\.$handlerNRN == nationalNumber).filter(\.$desk == desk).all()
    }

    /// The handler's topics at the desk and whether they take new cases.
    func set(_ nationalNumber: String, desk: String, topics: Set<Topic>, onDuty: Bool) async throws {
        try await database.write { db in
            for duty in try await HandlerDuty.query(on: db).filter(\.$handlerNRN == nationalNumber).filter(\.$desk == desk).all() {
                duty.onDuty = onDuty && topics.contains(duty.topic)
                try await duty.update(on: db)
            }
        }
    }

    /// Everyone who handles cases at the desk, by name (for "assign to a colleague").
    func handlers(desk: String) async throws -> [Actor] {
        let rows = try await database.sql.raw("""
            SELECT DISTINCT handler_nrn, handler_name FROM contact_duties WHERE desk = \(bind: desk) ORDER BY handler_name
            """).all()
        return try rows.map { Actor(nationalNumber: try $0.decode(column: "handler_nrn", as: String.self), name: try $0.decode(column: "handler_name", as: String.self)) }
    }

    /// Round robin, inside the caller's transaction: the handler on duty for the topic whose turn came longest ago
    /// (or never), now given the latest turn. On PostgreSQL an advisory lock per desk and topic makes concurrent
    /// questions take turns; SQLite's write lock already does.
    func next(desk: String, topic: Topic, on db: any Database) async throws -> Actor? {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "contact:" + desk + ":" + topic.rawValue)))").run()
        }
        guard let row = try await sql.raw("""
            SELECT id, handler_nrn, handler_name FROM contact_duties
            WHERE desk = \(bind: desk) AND topic = \(bind: topic.rawValue) AND on_duty = \(bind: true)
            ORDER BY turn, handler_nrn LIMIT 1
            """).first() else { return nil }
        // The turn counts per desk and topic, not by time: two questions in the same second still go to two people.
        try await sql.raw("""
            UPDATE contact_duties SET turn = (SELECT COALESCE(MAX(turn), 0) + 1 FROM contact_duties
                WHERE desk = \(bind: desk) AND topic = \(bind: topic.rawValue))
            WHERE id = \(bind: try row.decode(column: "id", as: UUID.self))
            """).run()
        return Actor(nationalNumber: try row.decode(column: "handler_nrn", as: String.self), name: try row.decode(column: "handler_name", as: String.self))
    }
}
