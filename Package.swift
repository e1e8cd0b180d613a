// swift-tools-version:6.0
import PackageDescription

// Rooms and their doors: applications never import Gateway or MobileID; they speak OpenID Connect to it.
// Every target compiles in the Swift 6 language mode (the default of tools version 6.0): data races are errors.

let package = Package(
    name: "PersoPoint",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "persopoint", targets: ["persopoint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "PersoCore",
            dependencies: [
                "CQRencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Forms with files (a question's attachments, a medical certificate), read as they arrive.
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .target(
            name: "Messaging",
            dependencies: [
                "PersoCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // QR codes for enrolling an authenticator app, from Debian's libqrencode (apt: libqrencode-dev).
        .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
        // Argon2id from Debian's libargon2 (apt: libargon2-dev), for people's passwords.
        .systemLibrary(name: "CArgon2", providers: [.apt(["libargon2-dev"])]),
        // Password quality (cracklib dictionary, the username) from Debian's libpwquality (apt: libpwquality-dev).
        .systemLibrary(name: "CPwquality", providers: [.apt(["libpwquality-dev"])]),
        // The development PKI: a root and "Citizen CA" like the Belgian ones, eID-shaped cards and an RFC 6960
        // OCSP responder, so that the eID key works out of the box. The gateway never imports it: it trusts PEM files.
        .target(
            name: "DevelopmentPKI",
            dependencies: [
                "PersoCore",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Argon2id for every secret a person types (passwords, the mobile app's code), on threads of its own.
        .target(
            name: "PasswordHashing",
            dependencies: [
                "PersoCore", "CArgon2",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Gateway",
            dependencies: [
                "PersoCore", "Messaging", "PasswordHashing", "CPwquality",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The local registration offices: appointments, the officers' back-office and activation codes. It works on the
        // gateway's people and keys through the gateway's `RegistrationAuthority` door.
        .target(name: "RegistrationOffice", dependencies: [
            "PersoCore", "Messaging", "Gateway",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // JWTKit verifies the gateway's ES256 ID tokens against its published JWKS.
        .target(name: "RelyingParty", dependencies: ["PersoCore", .product(name: "JWTKit", package: "jwt-kit")]),
        // The mobile identity service (the itsme role): its own OpenID provider (CIBA), speaking to the gateway only
        // over the protocol.
        .target(name: "MobileID", dependencies: [
            "PersoCore", "Messaging", "RelyingParty", "PasswordHashing",
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Documents people keep (decisions, pay slips) as PDF, typeset by Debian's Pango and Cairo (apt: libpango1.0-dev,
        // libcairo2-dev, fonts-dejavu-core).
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .target(name: "Typesetting", dependencies: ["CPangoCairo"]),
        .target(name: "SelfService", dependencies: ["PersoCore", "Messaging", "RelyingParty", "Typesetting"]),
        // PersoContact reads its forms' attachments with multipart-kit's streaming parser.
        .target(name: "Contact", dependencies: [
            "PersoCore", "Messaging", "RelyingParty",
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The eBox streams uploads through multipart-kit's parser, signs registered-mail receipts (JWTKit) and
        // packs "download everything" with ZIPFoundation (apt: zlib1g-dev).
        .target(name: "EBox", dependencies: [
            "PersoCore", "Messaging", "RelyingParty",
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The access portal and its help pages: no login, open through maintenance.
        .target(name: "Portal", dependencies: ["PersoCore"]),
        .target(
            name: "PersoPointServer",
            dependencies: [
                "PersoCore", "Messaging", "Gateway", "RegistrationOffice", "DevelopmentPKI", "MobileID", "RelyingParty", "SelfService", "Contact",
                "EBox", "Portal",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "persopoint",
            dependencies: [
                "PersoPointServer", "PersoCore", "Gateway", "Messaging", "DevelopmentPKI", "RegistrationOffice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PersoCoreTests",
            dependencies: ["PersoCore", .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Plot", package: "Plot")]
        ),
        .testTarget(
            name: "PersoPointServerTests",
            dependencies: [
                "PersoPointServer", "PersoCore", "Gateway", "Messaging", "RelyingParty", "SelfService", "DevelopmentPKI", "Portal", "EBox",
                "RegistrationOffice", "PasswordHashing", "MobileID",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ]
)
