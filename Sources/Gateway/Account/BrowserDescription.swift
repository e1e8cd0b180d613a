/// A browser's `User-Agent` in the words a person uses: "Chrome on Windows", not a 140-character string cut
/// mid-word. Only the family of browser and system is told; versions help nobody recognise their own login.
struct BrowserDescription: Equatable, Sendable {
    enum Family: Equatable, Sendable {
        case browser(name: String, system: String?)
        /// curl, a script, a monitoring probe: something that is not a person's browser.
        case program
        case unknown
    }

    let family: Family

    init(userAgent: String?) {
        guard let agent = userAgent, !agent.isEmpty else { family = .unknown; return }
        let programs = ["curl/", "Wget/", "python-requests", "python-httpx", "Go-http-client", "okhttp", "Java/", "libwww-perl", "PostmanRuntime"]
        if programs.contains(where: { agent.hasPrefix($0) || agent.contains(" " + $0) }) { family = .program; return }
        guard agent.hasPrefix("Mozilla/") || agent.hasPrefix("Opera/") else { family = .unknown; return }
        // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", and every one of them says "Mozilla".
        let browsers: [(marker: String, name: String)] = [
            ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("Opera", "Opera"),
            ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"),
            ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"), ("Trident/", "Internet Explorer"),
        ]
        guard let name = browsers.first(where: { agent.contains($0.marker) })?.name else { family = .unknown; return }
        let systems: [(marker: String, name: String)] = [
            ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("CrOS", "ChromeOS"), ("Windows", "Windows"),
            ("Macintosh", "macOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"),
        ]
        family = .browser(name: name, system: systems.first { agent.contains($0.marker) }?.name)
    }

    func words(_ texts: AccountTexts) -> String {
        switch family {
        case .browser(let name, let system): system.map { texts.browserOn(name, $0) } ?? name
        case .program: texts.otherProgram
        case .unknown: texts.unknownBrowser
        }
    }
}
