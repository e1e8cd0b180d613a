extension OfficeTexts {
    static let english = OfficeTexts(
        offices: OfficeWords(
            title: "Registration offices",
            lead: "No eID card reader and no itsme? Make an appointment at a registration office of your choice or at BOSA: they help you create your digital keys.",
            bring: [
                "Bring your identity card or passport: your identity is checked on it.",
                "You must have a personal e-mail address: your activation link is sent there.",
            ],
            languages: { "Languages spoken: \($0.joined(separator: ", "))" },
            slotLength: { "Appointments of \($0) minutes" },
            hours: "Opening hours",
            weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
            closed: "Closed",
            book: "Make an appointment"
        ),
        booking: BookingWords(
            title: { "Make an appointment — \($0)" },
            moveTitle: "Choose another time",
            chooseSlot: "Choose a time",
            week: { "From \($0) to \($1)" },
            earlier: "Earlier",
            later: "Later",
            noSlots: "No free time in these days. Look at the following days.",
            yourDetails: "Your details",
            givenName: "Given name",
            surname: "Surname",
            email: "Personal e-mail address",
            emailHint: "The confirmation goes there now, and your activation link after the appointment.",
            document: "The document you will bring",
            book: "Book this appointment",
            moveButton: "Move my appointment",
            back: "Back",
            slotTaken: "Someone has just booked the last place at this time. Choose another time; what you typed is kept.",
            alreadyBooked: "This e-mail address already has an appointment to come. Move or cancel it with the link in its confirmation e-mail.",
            namesMissing: "Give your given name and surname as on your identity document.",
            emailInvalid: "Give a valid e-mail address, like name@example.be."
        ),
        appointment: AppointmentWords(
            title: "Your appointment",
            when: "When",
            whereLabel: "Where",
            who: "For",
            document: "Document to bring",
            calendar: "Add to my calendar (.ics)",
            move: "Choose another time",
            cancel: "Cancel the appointment",
            booked: { "Your appointment is booked. A confirmation has been sent to \($0)." },
            moved: { "Your appointment has been moved. A new confirmation has been sent to \($0)." },
            cancelled: "Your appointment is cancelled.",
            isCancelled: "This appointment was cancelled.",
            isMoved: "This appointment was replaced by another time: use the link in the latest confirmation e-mail.",
            attended: "This appointment took place.",
            offices: "All registration offices"
        ),
        mail: MailWords(
            hello: { "Hello \($0)," },
            signature: "PersoPoint — the registration offices of the federal public service",
            bookedSubject: { "Your appointment at \($0)" },
            bookedBody: { "Your appointment at \($0) is booked for \($1)." },
            movedSubject: { "Your appointment at \($0) has been moved" },
            movedBody: { "Your appointment at \($0) now takes place on \($1)." },
            address: { "Address: \($0)" },
            bring: { "Bring: \($0). You must also have a personal e-mail address." },
            manage: { "To see, move or cancel your appointment: \($0)" },
            reminderSubject: { "Reminder: your appointment tomorrow at \($0)" },
            reminderBody: { "This is a reminder of your appointment at \($0) on \($1)." },
            reminderManage: "To move or cancel it, use the link in your confirmation e-mail.",
            cancelledSubject: { "Your appointment at \($0) is cancelled" },
            cancelledBody: { "Your appointment at \($0) on \($1) is cancelled." },
            bookAgain: { "To make a new appointment: \($0)" },
            calendarSummary: { "Appointment at the registration office \($0)" },
            activationSubject: "Activate your digital keys",
            activationBody: { "The registration office \($0) has registered you. To activate your digital keys, open this link and type the activation code printed on the letter the office gave you:" },
            activationExpiry: { "The link and the code are valid until \($0), once." },
            activationNotYou: "If you did not visit a registration office, do not use this link and call the help desk."
        ),
        desk: DeskWords(
            signedInAs: "Registration officer:",
            logout: "Log out",
            menu: "Back-office",
            workingAt: { "Office: \($0)" },
            office: "Office",
            switchOffice: "Switch",
            findLabel: "National register number, name or e-mail address",
            find: "Find",
            agendaTitle: "Agenda of the day",
            previousDay: "Previous day",
            nextDay: "Next day",
            today: "Today",
            agendaNone: "No appointments this day.",
            time: "Time",
            name: "Name",
            document: "Document announced",
            status: "Status",
            statusName: { ["booked": "Expected", "attended": "Registered", "cancelled": "Cancelled", "moved": "Moved"][$0] ?? $0 },
            registerAction: "Register",
            open: "Open",
            findTitle: "Find a person",
            resultsFor: { "Results for “\($0)”" },
            nobody: "Nobody found. Check the number, or register the person.",
            registerNew: "Register a new person",
            notOfficerTitle: "For registration officers only",
            notOfficerBody: "This back-office is for the registration officers of an office. Your account has no such role: ask your office's administrator if you should have it.",
            notAdministratorTitle: "For the office's administrators only",
            notAdministratorBody: "The office's settings and staff are managed by its administrators. Ask one of them if something should change.",
            toOffices: "Go to the registration offices"
        ),
        register: RegisterWords(
            title: "Register a person",
            fix: "The person could not be registered:",
            problem: { problem in
                switch problem {
                case .nrn: "The national register number is not valid (11 digits with a correct check number)."
                case .names: "Give the given name and surname as on the document."
                case .language: "Choose a language."
                case .email: "A personal e-mail address is required: the activation link is sent there."
                case .organisation: "Choose an organisation this office registers for."
                case .documentNumber: "Type the document's number (5 to 20 letters and digits)."
                case .documentCountry: "Choose the country that issued the document (a Belgian eID is issued by Belgium)."
                case .documentExpiry: "Give the document's expiry date."
                case .documentExpired: "This document has expired: it cannot prove the person's identity. Ask for a valid identity card or passport."
                case .alreadyRegistered: "A person with this national register number is already registered."
                }
            },
            openExisting: "Open this person's page to issue a new activation",
            identity: "Identity",
            nrn: "National register number",
            nrnHint: "11 digits, as on the identity document or the residence card.",
            givenName: "Given name",
            surname: "Surname",
            language: "Language",
            email: "Personal e-mail address",
            emailHint: "Required: the activation link is sent there.",
            emailRequired: "A valid personal e-mail address is required: the activation link is sent there.",
            organisation: "Organisation",
            documentSeen: "Identity document seen",
            documentType: "Type",
            documentNumber: "Number",
            documentCountry: "Issuing country",
            documentExpiry: "Valid until",
            choose: "Choose…",
            keys: "Keys the person will activate",
            keysHint: "The person activates them at home with the letter and the e-mailed link. A token card can also be printed here, from the person's page.",
            submit: "Register and print the activation letter"
        ),
        letter: LetterWords(
            title: "Activation of your digital keys",
            printNow: { "Registered. Print this letter and give it to the person; the link has been e-mailed to \($0)." },
            dear: { "For \($0) \($1)" },
            lead: "You have been registered at the registration office. To activate your digital keys you need two things: this letter, and the link sent to your personal e-mail address.",
            codeLabel: "Your activation code:",
            validUntil: { "Valid until \($0), once." },
            steps: { email in [
                "Open the e-mail sent to \(email) and click the link.",
                "Type the activation code above (capitals, digits and dashes as printed, or without dashes).",
                "Choose your username and your password (at least 12 characters).",
                "Print or note your token card if you chose one; then log in to PersoSelfService.",
            ] },
            keysComing: "Keys that will be activated:",
            keepSecret: "Keep this letter to yourself: with the e-mail, it opens your account.",
            toPerson: "Open the person's page"
        ),
        person: PersonWords(
            usernameIs: { $0.map { "username \($0)" } ?? "no username yet" },
            done: { what in
                ["contact": "Contact data saved.", "key-removed": "The key has been deactivated.", "unlocked": "The password and codes are unlocked.",
                 "nothing-locked": "Nothing was locked.", "role-granted": "The role has been given.", "role-revoked": "The role has been withdrawn."][what]
            },
            contact: "Contact data",
            save: "Save",
            keys: "Digital keys",
            noKeys: "No keys yet.",
            key: "Key",
            status: "Status",
            lastUsed: "Last used",
            remove: "Deactivate",
            printCard: "Print a new token card now",
            printCardHint: "For a person who cannot print at home: the card replaces any earlier one.",
            cardPrinted: "Print this card and hand it to the person. It replaces any earlier card.",
            unlock: "Unlock the password and security codes",
            newActivation: "New activation",
            newActivationHint: "A new letter and e-mail: the earlier activation stops working.",
            issueActivation: "Issue a new activation letter",
            roles: "Roles",
            role: "Role",
            grant: "Give",
            revoke: "Withdraw",
            documents: "Identity documents seen",
            validUntil: { "valid until \($0)" },
            seenAt: { "seen at \($0) on \($1)" },
            activity: "Activity (last 6 months)",
            noActivity: "No activity in the last 6 months.",
            activityHeadings: ["When", "What", "Key", "Application", "From"]
        ),
        activation: ActivationWords(
            title: "Activate your digital keys",
            lead: { "Hello \($0). The registration office \($1) prepared your digital keys. Type the activation code from the letter the office gave you, then choose your username and password." },
            keysComing: "These keys will be activated:",
            code: "Activation code",
            codeHint: "12 characters, as printed on the letter (dashes optional).",
            username: "Username",
            usernameHint: "3 to 64 letters, digits, dots, hyphens or underscores.",
            password: "Password",
            passwordHint: "At least 12 characters. A sentence of several words is easy to remember and hard to guess. Not your name or an ordinary word.",
            passwordAgain: "Password again",
            activate: "Activate my keys",
            wrongCode: { "This activation code is not right. \($0) more \($0 == 1 ? "try" : "tries") before the activation is blocked." },
            wait: { "Too many wrong codes from your connection. Try again in \($0) seconds." },
            passwordsDiffer: "The two passwords are different.",
            goneTitle: "This activation link can no longer be used",
            gone: { reason in
                switch reason {
                case .unknown: "This link is not known. Check that you copied it whole from the e-mail."
                case .used: "Your keys were already activated with this link. Log in with your username and password."
                case .replaced: "A newer activation letter replaced this one: use the link of the latest e-mail."
                case .expired: "The link and code were valid for 14 days. Ask your registration office for a new activation."
                case .blocked: "Too many wrong activation codes: this activation is blocked. Ask your registration office for a new one."
                }
            },
            toOffices: "The registration offices",
            doneTitle: "Your digital keys are active",
            doneLead: { "You can now log in with your username “\($0)” and your password, and your security code." },
            passwordActive: "Username and password",
            keyActive: { "Active: \($0)" },
            cardTitle: "Your token card",
            cardHint: "Print this card now or copy the codes: they are shown this once. At each login you are asked the code at one position.",
            totpHint: "Scan this QR code with your authenticator app, or type the secret below.",
            totpQRTitle: "QR code for the authenticator app",
            toSelfService: "Go to PersoSelfService"
        ),
        settings: SettingsWords(
            title: "Office settings",
            done: { ["saved": "The settings are saved. Appointments already booked stay: call the people whose time the office no longer opens.", "added": "The officer has been added.", "removed": "The officer has been removed."][$0] },
            office: "The office",
            name: "Name",
            address: "Address",
            languages: "Languages spoken",
            hoursHint: "For each day, the opening periods separated by commas, like 09:00-12:00, 13:00-16:00; empty when closed. Federal public holidays are always closed.",
            closedDays: "Other closing days",
            closedDaysHint: "One day per line, like 2026-12-24.",
            slotMinutes: "Minutes per appointment (5 to 240)",
            capacity: "People received at the same time (1 to 50)",
            save: "Save the settings",
            invalid: "Some settings cannot be read: check the periods (09:00-12:00), the days (2026-12-24), the numbers and that at least one language is chosen.",
            staff: "Officers of this office",
            administrator: "administrator",
            removeOfficer: "Remove",
            officerNRN: "National register number of a registered person",
            addOfficer: "Add as officer",
            unknownPerson: "No registered person has this national register number.",
            notYourself: "You cannot remove yourself: ask another administrator."
        ),
        documentName: { type in
            switch type {
            case .eid: "Belgian identity card (eID)"
            case .foreignEID: "Foreign identity card"
            case .passport: "Passport"
            case .residenceCard: "Residence card"
            }
        },
        languageName: { ["fr": "French", "nl": "Dutch", "de": "German", "en": "English"][$0.rawValue] ?? $0.rawValue },
        roleName: { role in
            switch role {
            case .employee: "Employee"
            case .manager: "Manager"
            case .hrOfficer: "HR officer"
            case .caseHandler: "Case handler"
            case .registrationOfficer: "Registration officer"
            }
        }
    )
}
