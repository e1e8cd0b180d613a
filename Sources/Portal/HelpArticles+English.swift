import PersoCore
// Help articles of the access portal in English, made from the sections of the user guide.

extension HelpArticle {
    static func english(_ topic: HelpTopic) -> HelpArticle {
        switch topic {
        case .eid:
            return HelpArticle(
                title: "Logging in with an eID card reader",
                summary: "Identify yourself with your electronic identity card, your PIN code and an eID card reader.",
                sections: [
                    HelpSection(paragraphs: [
                        "To log in, you need a computer connected to the internet, your electronic identity card (eID), your PIN code, an eID card reader and the eID software installed on your computer.",
                    ]),
                    HelpSection(
                        heading: "How to proceed",
                        paragraphs: [
                            "On the page of this portal where you choose your digital key, follow the steps below.",
                        ],
                        steps: [
                            "Click “LOG IN with eID card reader”.",
                            "Insert your identity card into the card reader, then click the “identify” button.",
                            "Your browser asks you to select a certificate: confirm your card’s certificate by clicking “OK”.",
                            "Enter the 4 digits of your PIN code and click “OK”.",
                        ]
                    ),
                    HelpSection(
                        heading: "What next?",
                        paragraphs: [
                            "You are now logged in to the PersoPoint application of your choice.",
                            "If your browser offers no certificate, check that the card reader is plugged in, that the card is inserted correctly and that the eID software is installed, then try again.",
                        ]
                    ),
                ]
            )
        case .itsme:
            return HelpArticle(
                title: "Logging in with itsme",
                summary: "Identify yourself with the itsme app on your smartphone, or create your itsme account in 8 steps.",
                sections: [
                    HelpSection(paragraphs: [
                        "To log in with itsme, the itsme app must be installed and activated on your smartphone. If you do not have an itsme account yet, see “Creating an itsme account” below.",
                    ]),
                    HelpSection(
                        heading: "Logging in",
                        paragraphs: [],
                        steps: [
                            "On the page of this portal where you choose your digital key, click “LOG IN via itsme”.",
                            "Enter your phone number and click “send”.",
                            "On your smartphone, open the itsme app and confirm the login by tapping “log in”.",
                        ]
                    ),
                    HelpSection(
                        heading: "Creating an itsme account",
                        paragraphs: [
                            "To create an account, you need a smartphone, a computer connected to the internet, your electronic identity card (eID), your PIN code, an eID card reader and the eID software.",
                            "How to proceed in 8 steps:",
                        ],
                        steps: [
                            "Install the itsme app on your smartphone.",
                            "On your computer, go to the itsme registration page of this portal. Enter your phone number and your e-mail address. Make sure you choose the right country code in the drop-down list.",
                            "Connect your eID card reader and insert your eID card. Read the itsme contract and sign it by entering the PIN code of your eID.",
                            "You receive your identification token, which you will have to enter in the itsme app on your smartphone.",
                            "Take your smartphone, open the itsme app and enter your phone number.",
                            "Then enter the identification token you received in step 4. Mind the capital letters and the punctuation.",
                            "You receive a verification code by text message (SMS). Enter its 5 digits in the itsme app.",
                            "Choose your 5-digit itsme code and confirm it. If you wish, turn on fingerprint recognition on your smartphone.",
                        ]
                    ),
                    HelpSection(
                        heading: "What next?",
                        paragraphs: [
                            "Your itsme digital identity has been created: you can now log in to the PersoPoint applications with the itsme app.",
                        ]
                    ),
                ]
            )
        case .securityCode:
            return HelpArticle(
                title: "Logging in with a security code",
                summary: "Identify yourself with your username, your password and a security code sent by e-mail, given by a mobile app or read from a token.",
                sections: [
                    HelpSection(paragraphs: [
                        "If you have neither an electronic identity card nor itsme, you can log in with a security code. You always enter your username and password first, then a security code.",
                    ]),
                    HelpSection(
                        heading: "The three digital keys with a security code",
                        paragraphs: [
                            "Security code by e-mail: after your username and password, a one-time code is sent to your e-mail address; enter it on the page.",
                            "Security code via a mobile app: after your username and password, open the authenticator app on your smartphone and enter the code it shows.",
                            "Security code via token: after your username and password, the page tells you which code of your token card to enter; look up the code with that number on your card and enter it.",
                        ],
                        steps: [
                            "On the page of this portal where you choose your digital key, click the button of your key, for example “LOG IN with security code via token”.",
                            "Enter your username and your password.",
                            "Enter the security code you are asked for and confirm.",
                        ]
                    ),
                    HelpSection(
                        heading: "No eID or itsme?",
                        paragraphs: [
                            "Do you want to request and activate digital keys to access the government’s online services? Make an appointment with a local registration office of your choice or with FPS BOSA. They will help you create alternative digital keys.",
                            "At this appointment, your identity is checked on the basis of your identity card or your passport. You must have a personal e-mail address.",
                        ],
                        steps: [
                            "At the registration office, you receive an activation code on paper.",
                            "You also receive a link by e-mail, valid for 14 days.",
                            "Open this link within 14 days and enter the activation code to activate your digital key.",
                        ]
                    ),
                ]
            )
        case .session:
            return HelpArticle(
                title: "Interrupted connection",
                summary: "For security, you are logged out after 20 minutes of inactivity; here is how to extend your session or log in again.",
                sections: [
                    HelpSection(paragraphs: [
                        "For security reasons, you are automatically logged out after 20 minutes of inactivity.",
                    ]),
                    HelpSection(
                        heading: "Extending the session",
                        paragraphs: [
                            "Shortly before the 20 minutes are up, a warning dialog appears.",
                        ],
                        steps: [
                            "Click “OK” in the warning dialog.",
                            "Your current session is extended and you can carry on working.",
                        ]
                    ),
                    HelpSection(
                        heading: "The session could not be extended",
                        paragraphs: [
                            "If the session could not be extended, the page tells you so and offers a “Log in again” link. Click this link and identify yourself again with your digital key.",
                            "What you were typing is not lost: once you have logged in again, it is offered to you again.",
                        ]
                    ),
                ]
            )
        case .ebox:
            return HelpArticle(
                title: "Activating the eBox",
                summary: "Activate your eBox to receive your official documents and be notified by e-mail of each new document.",
                sections: [
                    HelpSection(paragraphs: [
                        "The eBox is an electronic mailbox in which you receive official documents issued by the public authorities, for example a decision about a career interruption or your pay slips. You need to activate the eBox to receive these documents.",
                    ]),
                    HelpSection(
                        heading: "How to activate your eBox",
                        paragraphs: [],
                        steps: [
                            "Log in to the eBox page of this portal with your eID card, via itsme or with a token.",
                            "Give your e-mail address.",
                            "You receive a verification e-mail: confirm your address as explained in that e-mail.",
                            "Your eBox is activated: from now on, you are notified by e-mail as soon as a new document is available.",
                        ]
                    ),
                    HelpSection(
                        heading: "Reading your documents",
                        paragraphs: [
                            "To read your documents securely, log in with your eID card, via itsme or with a token. A username and password alone are never enough to open your eBox.",
                        ]
                    ),
                ]
            )
        }
    }
}
