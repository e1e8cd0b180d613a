import FluentKit
import Foundation
import PersoCore
import SQLKit

/// A desk's queue as handlers page through it: open cases oldest due first (so the overdue ones lead), for everyone,
/// one handler or nobody yet, or the closed ones newest first; by topic; or the cases that contain some words. Plain
/// SQL on the indexes made for it: an organisation with 100,000 cases reads one page of rows.
struct Queue: Sendable {
    let database: PersoDatabase
    let search: CaseSearch
    static let pageSize = 25
    /// Counts stop here ("1000 or more"): counting every case of a large desk would cost more than the page.
    static let countCap = 1000

    enum View: String, CaseIterable, Sendable {
        case mine, unassigned, open, closed
    }

    struct Filter: Sendable {
        var view: View = .mine
        var topic: Topic?
        var search: String?
        var page = 1
    }

    struct Row: Sendable {
        let id: UUID
        let reference: String
        let desk: String
        let topic: Topic
        let subject: String
        let requesterName: String
        let status: CaseStatus
        let assigneeName: String?
        let createdAt: Date
        let dueAt: Date
        let closedAt: Date?

        func isOverdue(now: Date) -> Bool { status.awaitsDesk && dueAt < now }
    }

    struct Listing: Sendable {
        let rows: [Row]
        let hasMore: Bool
    }

    func list(desk: String, handler: String, filter: Filter) async throws -> Listing {
        let sql = database.sql
        let columns = SQLQueryString("SELECT id, reference, desk, topic, subject, requester_name, status, assignee_name, created_at, due_at, closed_at FROM contact_cases")
        // A reference (what people quote on the phone) is found as such: a word index may cut "PC-3E50…" as a number.
        if let words = filter.search, let reference = Self.reference(words) {
            let rows = try await sql.raw(columns + " WHERE reference = \(bind: reference) AND desk = \(bind: desk)").all().map(Self.row)
            return Listing(rows: rows, hasMore: false)
        }
        if let words = filter.search, !CaseSearch.words(words).isEmpty {
            let ids = try await search.cases(desk: desk, matching: words, limit: Self.pageSize)
            guard !ids.isEmpty else { return Listing(rows: [], hasMore: false) }
            // By primary key only: with `AND desk = ?` SQLite (without statistics) walks the whole desk's index instead,
            // 120 ms for 100,000 cases. The ids come from the desk's own index rows; the desk is checked again here.
            let rows = try await sql.raw(columns + " WHERE id IN (\(binds: ids))").all().map(Self.row).filter { $0.desk == desk }
            let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            let sorted = rows.sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
            return Listing(rows: Array(sorted.prefix(Self.pageSize)), hasMore: false)
        }
        var condition = SQLQueryString(" WHERE desk = \(bind: desk)")
        switch filter.view {
        case .mine: condition = condition + " AND assignee_nrn = \(bind: handler) AND closed_at IS NULL"
        case .unassigned: condition = condition + " AND assignee_nrn IS NULL AND closed_at IS NULL"
        case .open: condition = condition + " AND closed_at IS NULL"
        case .closed: condition = condition + " AND closed_at IS NOT NULL"
        }
        if let topic = filter.topic { condition = condition + " AND topic = \(bind: topic.rawValue)" }
        let order = SQLQueryString(filter.view == .closed ? " ORDER BY closed_at DESC, id" : " ORDER BY due_at, id")
        let offset = (max(1, filter.page) - 1) * Self.pageSize
        let rows = try await sql.raw(columns + condition + order + " LIMIT \(unsafeRaw: String(Self.pageSize + 1)) OFFSET \(unsafeRaw: String(offset))")
            .all().map(Self.row)
        return Listing(rows: Array(rows.prefix(Self.pageSize)), hasMore: rows.count > Self.pageSize)
    }

    /// How many cases each view holds, and how many open ones are overdue; each count stops at `countCap`.
    func counts(desk: String, handler: String, now: Date) async throws -> (views: [View: Int], overdue: Int) {
        let sql = database.sql
        func count(_ condition: SQLQueryString) async throws -> Int {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM contact_cases WHERE desk = \(bind: desk) AND " + condition
                                        + " LIMIT \(unsafeRaw: String(Self.countCap))) AS counted").first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
        let views: [View: Int] = [
            .mine: try await count("assignee_nrn = \(bind: handler) AND closed_at IS NULL"),
            .unassigned: try await count("assignee_nrn IS NULL AND closed_at IS NULL"),
            .open: try await count("closed_at IS NULL"),
        ]
        let overdue = try await count("closed_at IS NULL AND due_at < \(bind: now) AND status IN ('new', 'in_progress')")
        return (views, overdue)
    }

    /// `PC-` and eight hexadecimal characters, in any case, as typed.
    static func reference(_ text: String) -> String? {
        let candidate = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard candidate.count == 11, candidate.hasPrefix("PC-"),
              candidate.dropFirst(3).unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("A"..."F").contains($0) }) else { return nil }
        return candidate
    }

    private static func row(_ row: any SQLRow) throws -> Row {
        Row(
            id: try row.decode(column: "id", as: UUID.self),
            reference: try row.decode(column: "reference", as: String.self),
            desk: try row.decode(column: "desk", as: String.self),
            topic: try row.decode(column: "topic", as: Topic.self),
            subject: try row.decode(column: "subject", as: String.self),
            requesterName: try row.decode(column: "requester_name", as: String.self),
            status: try row.decode(column: "status", as: CaseStatus.self),
            assigneeName: try row.decode(column: "assignee_name", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            dueAt: try row.decode(column: "due_at", as: Date.self),
            closedAt: try row.decode(column: "closed_at", as: Date?.self)
        )
    }
}
