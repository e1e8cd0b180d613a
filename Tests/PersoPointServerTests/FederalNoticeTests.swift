import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PersoCore
import Testing
@testable import Gateway
@testable import PersoPointServer
@testable import Portal

@Suite("A visitor reading the notices in the footer")
struct FederalNoticeTests {
    /// The notices with their titles in one language.
    static func notices(in language: PersoCore.Language) -> [(path: String, title: String)] {
        let texts = FederalNoticeTexts.texts(for: language)
        return [
            (PortalPages.accessibility, texts.accessibilityTitle),
            (PortalPages.privacy, texts.privacyTitle),
            (PortalPages.cookies, texts.cookiesTitle),
            (PortalPages.helpDesk, texts.helpDeskTitle),
        ]
    }

    @Test("reads each notice in each of the four languages", arguments: PersoCore.Language.allCases)
    func everyNoticeInEveryLanguage(language: PersoCore.Language) async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                for notice in Self.notices(in: language) {
                    try await client.execute(uri: "\(notice.path)?lang=\(language.rawValue)", method: .get) { response in
                        #expect(response.status == .ok, "\(notice.path)")
                        #expect(response.htmlLanguage == language.rawValue, "\(notice.path)")
                        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                        #expect(response.text.contains("<title>\(notice.title) – PersoPoint</title>"), "\(notice.path)")
                        #expect(response.text.contains("<h1>\(notice.title)</h1>"), "\(notice.path)")
                    }
                }
            }
        }
    }

    @Test("finds the notices, help and home in the footer of every page, and belgium.be in the federal bar",
          arguments: PersoCore.Language.allCases)
    func footerAndFederalBar(language: PersoCore.Language) async throws {
        let shell = ShellTexts.texts(for: language)
        let links = [
            (PortalPages.accessibility, shell.footerAccessibility),
            (PortalPages.privacy, shell.footerPrivacy),
            (PortalPages.cookies, shell.footerCookies),
            (PortalPages.helpDesk, shell.footerContact),
            ("/help", shell.footerHelp),
            ("/", shell.footerHome),
        ]
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                for path in ["/", "/help", PortalPages.privacy, "/no-such-page"] {
                    try await client.execute(uri: "\(path)?lang=\(language.rawValue)", method: .get) { response in
                        let footer = response.text.components(separatedBy: "<footer").last ?? ""
                        #expect(footer.contains("aria-label=\"\(shell.footerNavigationLabel)\""), "\(path)")
                        for (href, name) in links {
                            #expect(footer.contains("<a href=\"\(href)\">\(name)</a>"), "\(path): \(href)")
                        }
                        #expect(response.text.contains("href=\"https://www.belgium.be/\(language.rawValue)\""), "\(path)")
                        #expect(response.text.contains(">belgium.be</a>"), "\(path)")
                        #expect(response.text.contains(shell.federalBarTagline), "\(path)")
                    }
                }
                // Every link of the footer leads somewhere.
                for (href, _) in links {
                    try await client.execute(uri: href, method: .get) { #expect($0.status == .ok, "\(href)") }
                }
            }
        }
    }

    @Test("reads the help desk's details as the operator set them, never as markup")
    func helpDeskDetails() async throws {
        let configured = try PersoPointConfiguration.resolve(.init(
            flags: ["PERSOPOINT_HELPDESK_PHONE": "+32 2 123 45 67"],
            environment: ["PERSOPOINT_HELPDESK_EMAIL": "o'brien&co@example.be"],
            fileContents: "PERSOPOINT_HELPDESK_HOURS=Lundi <b>&\" vendredi"
        ))
        #expect(configured.helpDesk == HelpDeskContact(phone: "+32 2 123 45 67", email: "o'brien&co@example.be", hours: "Lundi <b>&\" vendredi"))
        try await withProduct(configure: { $0.helpDesk = configured.helpDesk }) { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "\(PortalPages.helpDesk)?lang=en", method: .get) { response in
                    let text = response.text
                    #expect(response.status == .ok)
                    #expect(text.contains("href=\"tel:+3221234567\""))
                    #expect(text.contains(">+32 2 123 45 67</a>"))
                    #expect(text.contains("href=\"mailto:o&#39;brien&amp;co@example.be\""))
                    #expect(text.contains("Lundi &lt;b&gt;&amp;\" vendredi"))
                    #expect(!text.contains("<b>"))
                    #expect(!text.contains(FederalNoticeTexts.english.helpDeskNotPublished))
                }
            }
        }
    }

    @Test("is sent to their HR department while the help desk has published nothing", arguments: PersoCore.Language.allCases)
    func helpDeskNotPublished(language: PersoCore.Language) async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "\(PortalPages.helpDesk)?lang=\(language.rawValue)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains(FederalNoticeTexts.texts(for: language).helpDeskNotPublished))
                    #expect(!response.text.contains("tel:"))
                    #expect(!response.text.contains("mailto:"))
                }
            }
        }
    }

    @Test("finds in the cookie notice exactly the cookies PersoPoint sets, by their real names")
    func cookieNotice() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                // The device and session cookies need a login (before it, a visitor's session is the sealed
                // pre-login cookie); the gateway and the session policy name them.
                var received: Set<String> = [TrustedDevices.cookieName(secure: false), app.configuration.sessionPolicy.cookieName]
                try await client.execute(uri: "/?lang=en", method: .get) { received.formUnion($0.setCookieNames) }
                let (session, token) = try await client.execute(uri: "/contact", method: .get) { response in
                    received.formUnion(response.setCookieNames)
                    return (response.cookie("persopoint_prelogin")!, response.csrfToken!)
                }
                try await client.execute(
                    uri: "/contact/employer", method: .post,
                    headers: formHeaders + [.cookie: "persopoint_prelogin=\(session)"],
                    body: form(["organisation": "bosa", "_csrf": token])
                ) { received.formUnion($0.setCookieNames) }

                let listed = FederalNoticePages(helpDesk: HelpDeskContact(), sessions: app.configuration.sessionPolicy, cache: RenderedPageCache())
                    .cookieRows(FederalNoticeTexts.english).map(\.name)
                #expect(Set(listed) == received)
                try await client.execute(uri: "\(PortalPages.cookies)?lang=en", method: .get) { response in
                    for name in received {
                        #expect(response.text.contains("<code>\(name)</code>"), "\(name)")
                    }
                }
            }
        }
        // Behind HTTPS the session and device cookies take the `__Host-` prefix, and the notice says so.
        let secure = FederalNoticePages(helpDesk: HelpDeskContact(), sessions: SessionPolicy(secureCookies: true), cache: RenderedPageCache())
            .cookieRows(FederalNoticeTexts.english).map(\.name)
        #expect(secure.contains(SessionPolicy(secureCookies: true).cookieName))
        #expect(secure.contains(TrustedDevices.cookieName(secure: true)))
    }

    @Test("reads the session limits this installation really has")
    func sessionLimitsStated() async throws {
        try await withProduct(idle: 900, absolute: 8 * 3600) { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "\(PortalPages.privacy)?lang=en", method: .get) { response in
                    #expect(response.text.contains("Sessions: 8 hours at most; a session also ends after 15 minutes without activity."))
                }
                try await client.execute(uri: "\(PortalPages.cookies)?lang=de", method: .get) { response in
                    #expect(response.text.contains("nach 15 Minuten ohne Aktivität und in jedem Fall nach 8 Stunden"))
                }
            }
        }
        #expect(FederalNoticeTexts.french.duration(43_200) == "12 heures")
        #expect(FederalNoticeTexts.dutch.duration(1_200) == "20 minuten")
        #expect(FederalNoticeTexts.english.duration(3_600) == "1 hour")
        #expect(FederalNoticeTexts.german.duration(90) == "2 Minuten")
    }

    @Test("a help-desk setting that cannot be shown stops the start, naming the setting", arguments: [
        ("PERSOPOINT_HELPDESK_EMAIL", "helpdesk"), ("PERSOPOINT_HELPDESK_EMAIL", "help desk@example.be"),
        ("PERSOPOINT_HELPDESK_EMAIL", "helpdesk@localhost"), ("PERSOPOINT_HELPDESK_EMAIL", "a@b@example.be"),
        ("PERSOPOINT_HELPDESK_EMAIL", "<script>@example.be"), ("PERSOPOINT_HELPDESK_PHONE", "call us"),
        ("PERSOPOINT_HELPDESK_PHONE", "02 12+34"), ("PERSOPOINT_HELPDESK_HOURS", "Monday to Friday, 8:30–17:00"),
    ])
    func badSetting(setting: String, value: String) {
        do {
            _ = try PersoPointConfiguration.resolve(.init(flags: [setting: value], environment: [:]))
            Issue.record("\(setting)=\(value) was accepted")
        } catch {
            #expect(error.setting == setting)
            #expect(error.description.hasPrefix("invalid configuration: \(setting): "))
        }
    }

    @Test("opening hours are accepted with a way to reach the help desk, and the settings are documented")
    func goodSettings() throws {
        let configuration = try PersoPointConfiguration.resolve(.init(flags: [
            "PERSOPOINT_HELPDESK_EMAIL": "helpdesk@bosa.example.be", "PERSOPOINT_HELPDESK_HOURS": "Monday to Friday, 8:30–17:00",
        ], environment: [:]))
        #expect(configuration.helpDesk.isPublished)
        #expect(configuration.helpDesk.phone == nil)
        let defaults = try PersoPointConfiguration.resolve(.init(flags: [:], environment: [:]))
        #expect(defaults.helpDesk == HelpDeskContact())
        let documented = Set(PersoPointConfiguration.settings.map(\.name))
        #expect(documented.isSuperset(of: ["PERSOPOINT_HELPDESK_PHONE", "PERSOPOINT_HELPDESK_EMAIL", "PERSOPOINT_HELPDESK_HOURS"]))
    }
}

private extension TestResponse {
    /// The names of the cookies this response sets.
    var setCookieNames: Set<String> {
        Set(headers[values: .setCookie].compactMap { value in
            value.split(separator: "=", maxSplits: 1).first.map { String($0).trimmingCharacters(in: .whitespaces) }
        })
    }
}
