// The footer's notices in English.

extension FederalNoticeTexts {
    static let english = FederalNoticeTexts(
        accessibilityTitle: "Accessibility statement",
        accessibilityLead: "The federal public service that operates this PersoPoint installation is committed to making it accessible, in accordance with the Law of 19 July 2018 on the accessibility of the websites and mobile applications of public sector bodies, which transposes Directive (EU) 2016/2102. This statement applies to the access portal, the authentication gateway and the applications of this installation (PersoSelfService, PersoContact and the eBox).",
        accessibilitySections: [
            NoticeSection(heading: "Compliance status", paragraphs: [
                "PersoPoint aims at level AA of the Web Content Accessibility Guidelines (WCAG) 2.2. It is partially conformant with that level: most pages conform, but the content listed below does not fully conform yet.",
                "The legal reference is the European standard EN 301 549, which refers to level AA of WCAG 2.1; we also apply the criteria that WCAG 2.2 adds.",
            ]),
            NoticeSection(
                heading: "Non-accessible content",
                paragraphs: ["The following content is known not to conform:"],
                items: [
                    "The printable token card. The 24 codes of a new token card are shown in a grid of six rows of four cells, each with its position number and its code. The grid has no row or column headers: a screen reader reads it cell by cell, and it is hard to find code number N quickly. If this is a problem for you, choose security codes by e-mail or an authenticator app instead, or ask the help desk.",
                    "The QR code of the authenticator app. When you set up an authenticator app, the QR code is described to screen readers only by its purpose (“QR code to scan with your authenticator app”); the image itself cannot be read out. The secret it contains is shown as text beside it, so that you can type it into the app instead of scanning, but the other settings it carries (the account name and the issuer “PersoPoint”) are not given as text.",
                    "The eID card reader. When you log in with your identity card, the window in which you choose your card’s certificate and the window in which you type your PIN code are shown by your browser and the eID software, not by PersoPoint. Their accessibility depends on your browser, your operating system and the eID software; we cannot change it.",
                    "PDF documents. The documents the applications will deliver, such as pay slips and decisions in the eBox, are produced by the services that send them. They may not be tagged for screen readers. If you need such a document in another form, ask the help desk.",
                ]
            ),
            NoticeSection(heading: "Preparation of this statement", paragraphs: [
                "This statement was drawn up on 30 November 2026. It is based on a self-assessment by the team that develops PersoPoint against the success criteria of WCAG 2.2; no independent audit has been carried out yet. It is reviewed whenever the pages change substantially, and at least once a year.",
            ]),
            NoticeSection(heading: "Feedback and contact", paragraphs: [
                "Have you met an accessibility problem on these pages, or do you need content in an accessible form? Contact the help desk of this installation. Say on which page the problem occurs and what you were trying to do; the help desk will answer you and, where possible, give you the information another way.",
            ], linksToHelpDesk: true),
            NoticeSection(heading: "Enforcement procedure", paragraphs: [
                "If you are not satisfied with the answer, or receive none, you may lodge a complaint with the federal Ombudsman, who handles complaints about the accessibility of the websites and applications of the federal public services. Lodging a complaint is free of charge.",
            ]),
        ],
        privacyTitle: "Privacy notice",
        privacyLead: "This page explains which personal data this PersoPoint installation processes when you log in and use its applications, why, for how long, who receives them and what your rights are under the General Data Protection Regulation (GDPR).",
        privacySections: { idle, max in [
            NoticeSection(heading: "Controller", paragraphs: [
                "The controller is the federal public service that operates this PersoPoint installation. You can reach it, and its data protection officer, through the help desk.",
            ]),
            NoticeSection(heading: "What we process", items: [
                "Your identity: national register number, given name and surname, preferred language, and the organisations and roles in which you work, as recorded by your HR service or a registration office.",
                "Your contact e-mail address, to send you security codes and notices.",
                "Your digital keys: your username; your password, stored only as a hash (Argon2id) from which it cannot be recovered; the codes of your token card and the codes sent by e-mail, stored only as hashes; the secret of your authenticator app, which the standard requires us to keep in order to check its codes. When you log in with your eID, your card’s certificate is read and its validity is checked with the certification authority that issued it.",
                "Login events: date and time, the key and application used, success or failure, your IP address and your browser’s identification (user agent). You can see your own under “My activity”.",
                "Protection against password guessing: counters of failed attempts per username and per IP address and, in a browser in which you have logged in, a random mark (a cookie) that we keep only as a hash.",
                "Your session: a random identifier in a cookie; on the server, who is logged in, how, and to which applications.",
                "In PersoSelfService: the address, telephone number, private e-mail address and bank account number (IBAN) you give, with the history of your changes.",
                "Copies of the e-mails sent to you (security codes, confirmations).",
            ]),
            NoticeSection(heading: "Why, and on what legal basis", paragraphs: [
                "We process these data to give you secure access to your HR applications and to keep them secure: to establish who you are, to protect your account against misuse, and to let you check under “My activity” who logged in with your keys. The legal bases are Article 6(1)(c) GDPR (a legal obligation, notably the security of the information systems of the federal public services) and Article 6(1)(e) GDPR (a task carried out in the public interest: the HR administration of federal staff).",
                "The national register number is used within the limits of the Law of 8 August 1983 organising a National Register of natural persons.",
            ]),
            NoticeSection(heading: "How long we keep them", items: [
                "Login events: 6 months (183 days); then they are deleted.",
                "Sessions: \(max) at most; a session also ends after \(idle) without activity.",
                "Codes sent by e-mail: valid for 10 minutes; copies of e-mails: 30 days after they were sent.",
                "Browser marks: 180 days after your last login in that browser.",
                "Counters of failed attempts: one day after the last failure or, if they locked a key, until it is unlocked.",
                "Identity, contact address and keys: as long as you have access to PersoPoint.",
                "Data in PersoSelfService: as long as your personnel file is kept under the rules that apply to it.",
            ]),
            NoticeSection(heading: "Who receives them", paragraphs: [
                "The applications you log in to receive only the data their registration allows (for example your name, e-mail address, national register number and roles), and only when you log in to them. Technical service providers, such as the mail server that delivers our e-mails, handle them only on the instructions of the service that operates this installation. Your data are not sold, and not used for advertising or profiling.",
            ]),
            NoticeSection(heading: "Your rights", paragraphs: [
                "You may ask for access to your data, for their rectification, for their erasure where the law allows it (data we must keep for a legal obligation or a task in the public interest cannot be erased before their term), and for the restriction of their processing, and you may object to their processing. You can already see your logins under “My activity” and your personal data in PersoSelfService. To exercise your rights, contact the help desk.",
                "If you believe your data are not processed lawfully, you may lodge a complaint with the Data Protection Authority, Rue de la Presse 35, 1000 Brussels.",
            ], linksToHelpDesk: true),
        ] },
        cookiesTitle: "Cookies",
        cookiesLead: "PersoPoint uses only cookies that are strictly necessary for the service you ask for: to keep you logged in, to remember the language you chose and to protect your account. It uses no cookies for statistics, advertising or tracking, and no third-party cookies. Strictly necessary cookies need no consent; that is why PersoPoint does not ask you to accept cookies.",
        cookieTableCaption: "The cookies PersoPoint sets",
        cookieNameHeader: "Name",
        cookiePurposeHeader: "Purpose",
        cookieLifetimeHeader: "Lifetime",
        sessionCookiePurpose: "Keeps you logged in. It holds only a random identifier; what it stands for (who is logged in, how, and to which applications) stays on the server. The authentication gateway and the applications of this installation share it.",
        sessionCookieLifetime: { idle, max in "Until you close your browser or log out. The server ends the session after \(idle) without activity, and after \(max) in any case." },
        preLoginCookiePurpose: "Before you log in, keeps what a form or a login in progress needs (the form’s protection against forgery, the application that sent you). Its content is encrypted and sealed by the server, so it can be neither read nor changed; it holds nothing about you. It is replaced by the session cookie as soon as you log in.",
        preLoginCookieLifetime: { idle in "Until you close your browser or log in; the server no longer accepts it after \(idle) without activity." },
        languageCookiePurpose: "Remembers the language you chose (English, French, Dutch or German).",
        languageCookieLifetime: "1 year",
        deviceCookiePurpose: "Marks a browser in which you have logged in, so that wrong passwords typed in it for your username are counted apart from strangers’ tries: someone trying to guess your password cannot lock you out of your own browser. It holds a random value, kept on the server only as a hash.",
        deviceCookieLifetime: "180 days after your last login in this browser",
        employerCookiePurpose: "In PersoContact, remembers whether you work for BOSA or for another federal public service, so that the question is not asked at every visit.",
        employerCookieLifetime: "1 year, or until you change your answer",
        cookiesSections: [
            NoticeSection(heading: "How the cookies are protected", paragraphs: [
                "Each cookie is sent only to this site, cannot be read by the pages’ scripts (HttpOnly) and, when the site is served over HTTPS, travels only over an encrypted connection.",
            ]),
            NoticeSection(heading: "Kept in your browser without a cookie", paragraphs: [
                "While you fill in a form in an application, what you type is kept in your browser’s local storage, on your device only, so that it is not lost if you have to log in again. It is deleted as soon as the form is sent, when you log out, and after 12 hours at the latest.",
            ]),
            NoticeSection(heading: "Refusing or deleting cookies", paragraphs: [
                "You can delete these cookies at any time in your browser’s settings. Without the session cookie you cannot log in; without the language cookie, pages are shown in the language of your browser; without the browser mark, your password tries are counted with everybody else’s.",
            ]),
        ],
        helpDeskTitle: "Contact the help desk",
        helpDeskLead: "The help desk of this installation helps you log in, activate or replace your digital keys and use the PersoPoint applications. Contact it also to report an accessibility problem or to exercise your data protection rights.",
        helpDeskPhoneLabel: "Telephone",
        helpDeskEmailLabel: "E-mail",
        helpDeskHoursLabel: "Opening hours",
        helpDeskNotPublished: "The help desk of this installation has not published its contact details yet. In the meantime, please contact the HR department of your organisation.",
        helpDeskAdvice: [
            "For a question about your personnel file (pay, leave, career), use PersoContact or contact your HR department.",
            "If an error page showed you a request number, give it to the help desk: it helps to find out what happened.",
            "The help desk will never ask you for your password, the PIN code of your identity card or your security codes.",
        ],
        helpDeskLink: "Contact the help desk",
        minutes: { $0 == 1 ? "1 minute" : "\($0) minutes" },
        hours: { $0 == 1 ? "1 hour" : "\($0) hours" }
    )
}
