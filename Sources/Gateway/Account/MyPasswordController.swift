import FluentKit
import Foundation
import Hummingbird
import Messaging
import PasswordHashing
import PersoCore

/// "My password" (CSAM's "username and password, managed by their owner"): a person creates or resets their
/// username and password from a fresh eID or itsme login (the activation level of keys), and changes their
/// password with the current one and a fresh login with a security code. Every change is in the audit log and
/// announced by e-mail, so that someone who stole a session cannot change it silently.
struct MyPasswordController: Sendable {
    let keys: KeyRegistry
    let policy: KeyPolicy
    let audit: AuditLog
    let guardian: BruteForceGuard
    let outbox: Outbox
    let people: PeopleDirectory
    let credentials: PasswordCredentials
    let hasher: PasswordHasher
    let clock: @Sendable () -> Date

    /// A change needs a login with a security code (token card and up) or stronger: the password alone is what is changed.
    static let changeLevel = LevelOfAssurance.level300

    /// The pages on `area` (the account area's); the show-password script, a file, on `files`.
    func register(on area: Routes, files: Routes) {
        area.get(GatewayPath.myPassword) { request, context in
            guard let sso = SSOSession.current(in: context.session) else { return login(level: .level200, context: context) }
            return try await page(sso, notice: notice(request, context), error: nil, typedUsername: nil, context: context)
        }
        // The two buttons that ask for a new login: a gateway login always shows the key chooser, so the person
        // logs in anew (and the login time starts again) even when the session is already strong enough.
        area.get(GatewayPath.myPassword + "/code-login") { _, context in login(level: Self.changeLevel, context: context) }
        area.get(GatewayPath.myPassword + "/strong-login") { _, context in login(level: policy.activationLevel, context: context) }
        area.post(GatewayPath.myPassword + "/change") { request, context in
            guard let sso = SSOSession.current(in: context.session) else { return login(level: Self.changeLevel, context: context) }
            return try await change(sso, request: request, context: context)
        }
        area.post(GatewayPath.myPassword + "/set") { request, context in
            guard let sso = SSOSession.current(in: context.session) else { return login(level: policy.activationLevel, context: context) }
            return try await set(sso, request: request, context: context)
        }
        files.get(GatewayPath.passwordScript) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: PasswordToggleScript.source))
            )
        }
    }

    // MARK: Rules of the session

    private func isFresh(_ sso: SSOSession) -> Bool {
        Int(clock().timeIntervalSince1970) - sso.authTime <= Int(policy.freshLogin)
    }

    private func mayChange(_ sso: SSOSession) -> Bool { sso.level >= Self.changeLevel && isFresh(sso) }

    private func maySet(_ sso: SSOSession) -> Bool { sso.level >= policy.activationLevel && isFresh(sso) }

    // MARK: Actions

    /// Current password, then the new one: the current password is guarded like a login (waits, lock).
    private func change(_ sso: SSOSession, request: Request, context: PersoRequestContext) async throws -> Response {
        let texts = AccountTexts.texts(for: context.language)
        guard let credential = try await credentials.credential(of: sso.personID) else { return redirect(to: GatewayPath.myPassword) }
        guard mayChange(sso) else {
            let why = sso.level >= Self.changeLevel ? texts.loginTooOld : texts.changeNeedsFreshLogin
            return try await page(sso, notice: nil, error: why, typedUsername: nil, context: context)
        }
        let current = String((context.form?["current"] ?? "").prefix(1024))
        let password = String((context.form?["password"] ?? "").prefix(1024))
        let subject = BruteForceGuard.passwordChangeSubject(personID: sso.personID)
        if let refusal = try await guardian.verdict(subject: subject, ip: nil).refusal(GatewayTexts.texts(for: context.language)) {
            return try await page(sso, notice: nil, error: refusal, typedUsername: nil, context: context)
        }
        let stored = credential.phc
        guard try await HashingThreads.run({ hasher.verify(current, against: stored) }) else {
            try await guardian.recordFailure(subject: subject, ip: nil, allowance: .likelyOwner)
            await audit.record(.passwordChanged, personID: sso.personID, key: .password, clientID: nil, success: false, request: request, context: context)
            return try await page(sso, notice: nil, error: texts.wrongCurrentPassword, typedUsername: nil, context: context)
        }
        try await guardian.recordSuccess(subject: subject)
        guard let person = try await people.person(sso.personID) else { throw PersoError.notFound }
        if let refusal = try await PasswordPolicy().refusal(for: password, old: current, owner: owner(person, username: credential.username)) {
            return try await page(sso, notice: nil, error: texts.refusal(refusal), typedUsername: nil, context: context)
        }
        try await save(password, username: credential.username, existing: credential, person: person)
        await audit.record(.passwordChanged, personID: sso.personID, key: .password, clientID: nil, success: true, request: request, context: context)
        return redirect(to: GatewayPath.myPassword + "?done=changed")
    }

    /// A username and password chosen from a fresh strong login, whether or not the person had one (a reset).
    private func set(_ sso: SSOSession, request: Request, context: PersoRequestContext) async throws -> Response {
        let texts = AccountTexts.texts(for: context.language)
        let typed = String((context.form?["username"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        guard maySet(sso) else {
            let why = sso.level >= policy.activationLevel ? texts.loginTooOld : texts.setNeedsStrongLogin
            return try await page(sso, notice: nil, error: why, typedUsername: typed, context: context)
        }
        let password = String((context.form?["password"] ?? "").prefix(1024))
        guard PasswordSaving.acceptable(username: typed) else {
            return try await page(sso, notice: nil, error: texts.usernameInvalid, typedUsername: typed, context: context)
        }
        let username = typed.lowercased()
        let existing = try await credentials.credential(of: sso.personID)
        guard try await !credentials.isTaken(username, by: sso.personID) else {
            return try await page(sso, notice: nil, error: texts.usernameTaken, typedUsername: typed, context: context)
        }
        guard let person = try await people.person(sso.personID) else { throw PersoError.notFound }
        if let refusal = try await PasswordPolicy().refusal(for: password, old: nil, owner: owner(person, username: username)) {
            return try await page(sso, notice: nil, error: texts.refusal(refusal), typedUsername: typed, context: context)
        }
        do {
            try await save(password, username: username, existing: existing, person: person)
        } catch {
            // Someone took the name between the check and the write (the unique index refused it).
            if try await credentials.isTaken(username, by: sso.personID) {
                return try await page(sso, notice: nil, error: texts.usernameTaken, typedUsername: typed, context: context)
            }
            // The person's other request (a second tab, a double click) created theirs first: this one replaces it,
            // as it would have a moment later.
            guard existing == nil, let made = try await credentials.credential(of: sso.personID) else { throw error }
            try await save(password, username: username, existing: made, person: person)
        }
        // A person proven by eID or itsme who chose a new password is no longer the one being guessed at.
        let profiles = keys.profiles
        _ = try await guardian.unlockAll(username: username, personID: sso.personID, keys: profiles)
        if let old = existing?.username, old != username { _ = try await guardian.unlockAll(username: old, personID: nil, keys: profiles) }
        await audit.record(existing == nil ? .passwordCreated : .passwordChanged, personID: sso.personID, key: .password, clientID: nil,
                           success: true, request: request, context: context)
        return redirect(to: GatewayPath.myPassword + (existing == nil ? "?done=created" : "?done=changed"))
    }

    private func save(_ password: String, username: String, existing: PasswordCredential?, person: Person) async throws {
        try await PasswordSaving(credentials: credentials, hasher: hasher, outbox: outbox, clock: clock)
            .save(password, username: username, existing: existing, person: person)
    }

    // MARK: Page

    private func page(_ sso: SSOSession, notice: String?, error: String?, typedUsername: String?, context: PersoRequestContext) async throws -> Response {
        let view = MyPasswordPage(
            credential: try await credentials.credential(of: sso.personID), typedUsername: typedUsername,
            mayChange: mayChange(sso), maySet: maySet(sso), notice: notice, error: error,
            texts: AccountTexts.texts(for: context.language), session: context.session
        )
        return Layout.response(view.page, chrome: context.chrome)
    }

    // MARK: Helpers

    private func owner(_ person: Person, username: String) -> PasswordPolicy.Owner {
        PasswordPolicy.Owner(username: username, givenName: person.givenName, surname: person.surname, nrn: person.nrn)
    }

    private func login(level: LevelOfAssurance, context: PersoRequestContext) -> Response {
        LoginTransaction.logIn(toReach: GatewayPath.myPassword, level: level, session: context.session, now: clock())
    }

    private func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    private func notice(_ request: Request, _ context: PersoRequestContext) -> String? {
        let texts = AccountTexts.texts(for: context.language)
        switch request.uri.queryParameters["done"].map(String.init) {
        case "created": return texts.createdNotice
        case "changed": return texts.changedNotice
        default: return nil
        }
    }
}
