import FluentKit
import Foundation
import Logging
import Messaging
import PersoCore
import RelyingParty
import ServiceLifecycle
import SQLKit

/// Takes the documents PersoSelfService owes people (pay slips, career-interruption decisions) to their eBoxes,
/// through the eBox's publish API. Work is stored first and published here, so that a restart, an eBox that is down
/// or a person without an eBox yet loses nothing: pending documents are published at once (and retried after 30 s when the eBox could not
/// answer), those waiting for an eBox every hour. Publishing is idempotent on the message id, so two instances doing the same row publish it once.
struct DocumentDelivery: Sendable {
    enum State: String, Codable, Sendable {
        /// Nothing to deliver (a decision not taken yet).
        case none
        case pending
        case delivered
        /// The person has no eBox: tried again every hour until they activate one.
        case waitingForEBox = "waiting_for_ebox"
    }

    let database: PersoDatabase
    let publisher: EBoxPublisher
    let register: StaffRegister
    let documents: PersonalDocuments
    let outbox: Outbox
    /// The public URL, for the eBox link in the decision's e-mail.
    let base: String
    let clock: @Sendable () -> Date
    /// Publications at once: the eBox answers each in a few milliseconds, the PDF takes about as long.
    static let parallel = 8
    static let batch = 64
    static let retryWaiting: TimeInterval = 3600
    /// An eBox or gateway that could not answer is asked again after this long.
    static let retryUnavailable: TimeInterval = 30

    /// One round: a batch of pay slips and of decisions. Returns how many were attempted.
    @discardableResult
    func deliverDue() async throws -> Int {
        let now = clock()
        let slips = try await PaySlip.query(on: database.db)
            .group(.or) { due in
                due.group(.and) { $0.filter(\.$delivery == .pending).group(.or) { $0.filter(\.$attemptedAt == nil).filter(\.$attemptedAt < now.addingTimeInterval(-Self.retryUnavailable)) } }
                    .group(.and) { $0.filter(\.$delivery == .waitingForEBox).filter(\.$attemptedAt < now.addingTimeInterval(-Self.retryWaiting)) }
            }
            .sort(\.$createdAt).limit(Self.batch).all()
        let decisions = try await CareerInterruption.query(on: database.db)
            .group(.or) { due in
                due.group(.and) { $0.filter(\.$delivery == .pending).group(.or) { $0.filter(\.$attemptedAt == nil).filter(\.$attemptedAt < now.addingTimeInterval(-Self.retryUnavailable)) } }
                    .group(.and) { $0.filter(\.$delivery == .waitingForEBox).filter(\.$attemptedAt < now.addingTimeInterval(-Self.retryWaiting)) }
            }
            .limit(Self.batch).all()
        guard !slips.isEmpty || !decisions.isEmpty else { return 0 }
        let token: String
        do { token = try await publisher.token() } catch { return 0 }
        let people = try await register.members(slips.map(\.nationalNumber) + decisions.map(\.nationalNumber))
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for slip in slips {
                guard let member = people[slip.nationalNumber] else { continue }
                if running == Self.parallel { try await group.next(); running -= 1 }
                group.addTask { try await deliver(slip, to: member, token: token) }
                running += 1
            }
            for decision in decisions {
                guard let member = people[decision.nationalNumber] else { continue }
                if running == Self.parallel { try await group.next(); running -= 1 }
                group.addTask { try await deliver(decision, to: member, token: token) }
                running += 1
            }
            try await group.waitForAll()
        }
        return slips.count + decisions.count
    }

    private func deliver(_ slip: PaySlip, to member: StaffMember, token: String) async throws {
        guard let document = try? documents.paySlip(slip, of: member) else { return }
        let outcome = await publisher.publish(document, to: member.nationalNumber, messageID: slip.messageID, token: token)
        try await record(outcome, table: PaySlip.schema, id: slip.requireID())
    }

    private func deliver(_ decision: CareerInterruption, to member: StaffMember, token: String) async throws {
        guard let document = try? documents.decision(decision, of: member) else { return }
        let outcome = await publisher.publish(document, to: member.nationalNumber, messageID: decision.messageID, token: token)
        // The person is told once, when the decision first reaches the eBox or first finds none there.
        let mail: EmailMessage? = switch outcome {
        case .delivered: DecisionMail(member: member, inEBox: true, link: base + "/ebox").message
        case .noEBox: DecisionMail(member: member, inEBox: false, link: base + "/ebox").message
        case .unavailable: nil
        }
        try await record(outcome, table: CareerInterruption.schema, id: decision.requireID(), firstTime: mail.map { ($0, "career-decision:\(decision.messageID)") })
    }

    /// Where the document is now; an eBox that could not take it leaves the row pending for the next round.
    private func record(_ outcome: EBoxPublisher.Outcome, table: String, id: UUID, firstTime mail: (EmailMessage, String)? = nil) async throws {
        let now = clock()
        let (state, documentID): (State, String?) = switch outcome {
        case .delivered(let documentID): (.delivered, documentID)
        case .noEBox: (.waitingForEBox, nil)
        case .unavailable: (.pending, nil)
        }
        let sent = try await database.write { db -> Bool in
            let sql = db as! any SQLDatabase
            func update(from states: [State]) async throws -> Bool {
                var update = sql.update(table).set("delivery", to: state.rawValue).set("attempted_at", to: now)
                if let documentID { update = update.set("ebox_document_id", to: documentID) }
                return try await !update.where("id", .equal, id).where("delivery", .in, states.map(\.rawValue)).returning("id").all().isEmpty
            }
            if try await update(from: [.pending]), state != .pending, let (message, key) = mail {
                return try await outbox.enqueue(message, key: key, on: db)
            }
            _ = try await update(from: [.waitingForEBox])
            return false
        }
        if sent { outbox.deliverSoon() }
    }
}

/// Runs the delivery while the server runs: a round every second while there is work, then every few seconds.
struct DocumentDeliveryService: Service {
    let delivery: DocumentDelivery
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var attempted = 0
            do {
                attempted = try await delivery.deliverDue()
            } catch {
                logger.error("selfservice document delivery failed; retried next round", metadata: ["error": "\(String(reflecting: error))"])
            }
            let pause: Duration = attempted > 0 ? .milliseconds(50) : .seconds(2)
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) } } catch { return }
        }
    }
}
