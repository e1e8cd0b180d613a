import Hummingbird
import PersoCore
import Plot

/// The pages every federal site links from its footer: the accessibility statement, the privacy notice, the cookie
/// notice and the help desk's contact details. Each says the same to everyone who reads it in a language (the
/// settings it states are the process's), so each is rendered once per language.
struct FederalNoticePages: Sendable {
    let helpDesk: HelpDeskContact
    /// The session limits and cookie names this installation really uses, which the notices state.
    let sessions: SessionPolicy
    let cache: RenderedPageCache

    func register(on routes: Routes) {
        routes.get(PortalPages.accessibility) { _, context in accessibility(context) }
        routes.get(PortalPages.privacy) { _, context in privacy(context) }
        routes.get(PortalPages.cookies) { _, context in cookies(context) }
        routes.get(PortalPages.helpDesk) { _, context in helpDeskPage(context) }
    }

    /// One cookie of the notice's table, named as this installation sets it.
    struct CookieRow: Sendable {
        let name: String
        let purpose: String
        let lifetime: String
    }

    /// Every cookie PersoPoint sets, and nothing else: behind HTTPS the session, pre-login and device cookies take `__Host-`.
    func cookieRows(_ texts: FederalNoticeTexts) -> [CookieRow] {
        [
            CookieRow(name: sessions.cookieName, purpose: texts.sessionCookiePurpose,
                      lifetime: texts.sessionCookieLifetime(texts.duration(sessions.idleTimeout), texts.duration(sessions.absoluteTimeout))),
            CookieRow(name: sessions.preLoginCookieName, purpose: texts.preLoginCookiePurpose,
                      lifetime: texts.preLoginCookieLifetime(texts.duration(sessions.idleTimeout))),
            CookieRow(name: LanguageNegotiation.cookieName, purpose: texts.languageCookiePurpose, lifetime: texts.languageCookieLifetime),
            // The gateway's `TrustedDevices` and PersoContact's entry page name these two; the tests check they agree.
            CookieRow(name: sessions.secureCookies ? "__Host-persopoint_device" : "persopoint_device", purpose: texts.deviceCookiePurpose,
                      lifetime: texts.deviceCookieLifetime),
            CookieRow(name: "persopoint_contact_employer", purpose: texts.employerCookiePurpose, lifetime: texts.employerCookieLifetime),
        ]
    }

    private func accessibility(_ context: PersoRequestContext) -> Response {
        let texts = FederalNoticeTexts.texts(for: context.language)
        return notice("accessibility", id: "accessibility-statement", title: texts.accessibilityTitle, lead: texts.accessibilityLead,
                      sections: texts.accessibilitySections, context: context)
    }

    private func privacy(_ context: PersoRequestContext) -> Response {
        let texts = FederalNoticeTexts.texts(for: context.language)
        let sections = texts.privacySections(texts.duration(sessions.idleTimeout), texts.duration(sessions.absoluteTimeout))
        return notice("privacy", id: "privacy-notice", title: texts.privacyTitle, lead: texts.privacyLead, sections: sections, context: context)
    }

    private func cookies(_ context: PersoRequestContext) -> Response {
        let texts = FederalNoticeTexts.texts(for: context.language)
        let rows = cookieRows(texts)
        let table: Node<HTML.BodyContext> = .div(
            .class("table-scroll"),
            .table(
                .id("cookie-table"), .class("cookie-table"),
                .caption(.text(texts.cookieTableCaption)),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .text(texts.cookieNameHeader)),
                    .th(.attribute(named: "scope", value: "col"), .text(texts.cookiePurposeHeader)),
                    .th(.attribute(named: "scope", value: "col"), .text(texts.cookieLifetimeHeader))
                )),
                .tbody(.forEach(rows) { row in
                    .tr(
                        .th(.attribute(named: "scope", value: "row"), .code(.text(row.name))),
                        .td(.text(row.purpose)),
                        .td(.text(row.lifetime))
                    )
                })
            )
        )
        return notice("cookies", id: "cookie-notice", title: texts.cookiesTitle, lead: texts.cookiesLead, before: table,
                      sections: texts.cookiesSections, context: context)
    }

    private func helpDeskPage(_ context: PersoRequestContext) -> Response {
        let texts = FederalNoticeTexts.texts(for: context.language)
        let details: Node<HTML.BodyContext>
        if helpDesk.isPublished {
            details = .dl(
                .id("helpdesk-details"), .class("facts helpdesk-details"),
                .unwrap(helpDesk.phone) { phone in .group(
                    .dt(.text(texts.helpDeskPhoneLabel)),
                    .dd(.a(.id("helpdesk-phone"), .href((helpDesk.phoneURI ?? "")), .text(phone)))
                ) },
                .unwrap(helpDesk.email) { email in .group(
                    .dt(.text(texts.helpDeskEmailLabel)),
                    .dd(.a(.id("helpdesk-email"), .href("mailto:\(email)"), .text(email)))
                ) },
                .unwrap(helpDesk.hours) { hours in .group(
                    .dt(.text(texts.helpDeskHoursLabel)),
                    .dd(.id("helpdesk-hours"), .text(hours))
                ) }
            )
        } else {
            details = .p(.id("helpdesk-not-published"), .class("pending"), .text(texts.helpDeskNotPublished))
        }
        return cache.response(for: "notice/helpdesk", chrome: context.chrome) { Page(title: texts.helpDeskTitle, content: .article(
            .id("helpdesk"), .class("notice-page"),
            .h1(.text(texts.helpDeskTitle)),
            .p(.class("lead"), .text(texts.helpDeskLead)),
            details,
            .ul(.class("notice-list"), .forEach(texts.helpDeskAdvice) { .li(.text($0)) })
        )) }
    }

    /// A notice: its title, lead, anything before its sections (the cookie table), then the sections.
    private func notice(_ key: String, id: String, title: String, lead: String, before: Node<HTML.BodyContext> = .group([]),
                        sections: [NoticeSection], context: PersoRequestContext) -> Response {
        let texts = FederalNoticeTexts.texts(for: context.language)
        return cache.response(for: "notice/\(key)", chrome: context.chrome) { Page(title: title, content: .article(
            .id(id), .class("notice-page"),
            .h1(.text(title)),
            .p(.class("lead"), .text(lead)),
            before,
            .forEach(sections) { section in
                .section(
                    .h2(.text(section.heading)),
                    .forEach(section.paragraphs) { .p(.text($0)) },
                    .if(!section.items.isEmpty, .ul(.class("notice-list"), .forEach(section.items) { .li(.text($0)) })),
                    .if(section.linksToHelpDesk, .p(.a(.class("helpdesk-link"), .href(PortalPages.helpDesk), .text(texts.helpDeskLink))))
                )
            }
        )) }
    }
}
