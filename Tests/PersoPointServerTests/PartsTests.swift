import Foundation
import Hummingbird
import HummingbirdTesting
import PersoCore
import Testing
@testable import PersoPointServer

/// An application defined only here: one page and one form, declared the way every part declares its routes.
struct ExampleApplicationPart: Part {
    let name = "example"
    let policy = RoutePolicy.applicationPages

    func register(on routes: Routes) {
        routes.get("/example") { _, _ in Response(status: .ok) }
        routes.post("/example/form") { _, _ in Response(status: .ok) }
    }
}

@Suite("An engineer adding a part to the product")
struct PartsTests {
    /// A request for each declared route: parameters filled in, a valid CSRF token on every POST.
    private static func request(for entry: RouteTable.Entry) -> String {
        entry.path.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("*") ? "x" : String($0) }
            .reduce("") { $0 + "/" + $1 }
    }

    @Test("every route whose part says maintenance closes it answers the maintenance page, read from the declarations")
    func maintenanceClosesWhatTheDeclarationsSay() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock, extraParts: [ExampleApplicationPart()]) { app in
            let routes = app.makeRoutes()
            let entries = routes.entries
            #expect(entries.contains { $0.path == "/example" && $0.part == "example" })
            // Only the parts that stand outside the applications keep routes open; an application or gateway route
            // declared open would show here.
            var partsStayingOpen: Set<String> = []
            for entry in entries where entry.policy.maintenance == .staysOpen { partsStayingOpen.insert(entry.part) }
            #expect(partsStayingOpen.isSubset(of: ["shell", "messaging", "portal", "development-pki"]))

            try await Application(router: routes.router).test(.router) { client in
                // A session and its token, taken before the window opens, so that forms are judged on maintenance alone.
                let (cookie, token) = try await client.execute(uri: "/contact", method: .get) { response in
                    (try #require(response.cookie("persopoint_prelogin")), try #require(response.csrfToken))
                }
                try await app.maintenance.announce(from: clock.now.addingTimeInterval(-60), until: clock.now.addingTimeInterval(3600))
                var checked = 0
                for entry in entries where [.get, .post].contains(entry.method) {
                    let status = try await client.execute(
                        uri: Self.request(for: entry), method: entry.method,
                        headers: entry.method == .post ? [.cookie: "persopoint_prelogin=\(cookie)", .contentType: "application/x-www-form-urlencoded"] : [:],
                        body: entry.method == .post ? form(["_csrf": token]) : nil
                    ) { $0.status }
                    if entry.policy.maintenance == .closes {
                        #expect(status == .serviceUnavailable, "\(entry.method) \(entry.path) of \(entry.part) stays open during maintenance")
                    } else {
                        #expect(status != .serviceUnavailable, "\(entry.method) \(entry.path) of \(entry.part) is closed during maintenance")
                    }
                    checked += 1
                }
                #expect(checked > 40)
            }
        }
    }

    @Test("a new application's forms need the CSRF token and its routes are in the table, with one line in the list")
    func aNewPartNeedsNothingElse() async throws {
        try await withProduct(extraParts: [ExampleApplicationPart()]) { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "/example", method: .get) { #expect($0.status == .ok) }
                try await client.execute(uri: "/example/form", method: .post, headers: formHeaders, body: form([:])) { response in
                    #expect(response.status == .forbidden)
                }
                try await client.execute(uri: "/example", method: .delete) { response in
                    #expect(response.status == .methodNotAllowed)
                }
            }
        }
    }
}
