import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOSSL
import SwiftASN1
import X509

/// The certificate-login origin (like `certifi.iamfas.belgium.be`): HTTPS on its own port, asking the browser for a
/// client certificate. The handshake accepts whatever chain the browser presents (BoringSSL has already checked
/// that the browser holds the card's private key); the chain is handed to the request through NIOSSL's validated-chain
/// metadata and checked there by `CardCertificateCheck`, so that a refused card becomes a page in the person's
/// language rather than a TLS alert the browser shows as "connection failed". One exception: BoringSSL itself
/// ends a TLS 1.3 handshake whose client certificate lacks the digitalSignature key usage (it could not have
/// signed the handshake), before our callback runs; such a certificate is refused by `CardCertificateCheck`
/// only when it arrives through a proxy. Real eID authentication certificates always have that usage.
struct CardReaderListener {
    let reader: CardReader
    let endpoint: CardReaderEndpoint
    let host: String
    let port: Int

    func makeApplication(logger: Logger) throws -> some ApplicationProtocol {
        let router = Router(context: CardReaderRequestContext.self)
        let endpoint = self.endpoint
        router.get(RouterPath(CardReaderEndpoint.path)) { request, context in
            let chain = await context.presentedChain()
            return await endpoint.identify(
                attempt: request.uri.queryParameters["attempt"].map(String.init), presented: chain,
                ip: context.remoteAddress?.ipAddress, userAgent: request.headers[.userAgent], logger: context.logger
            )
        }
        router.get("/") { _, _ in
            Response(status: .seeOther, headers: [.location: endpoint.publicURL + "/"])
        }
        let tls = try Self.tlsConfiguration(reader)
        let context = try NIOSSLContext(configuration: tls)
        return Application(
            router: router,
            server: HTTPServerBuilder { responder in
                ClientCertificateChannel(base: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: .seconds(30))), context: context)
            },
            configuration: .init(address: .hostname(host, port: port), serverName: "PersoPoint eID"),
            logger: logger
        )
    }

    static func tlsConfiguration(_ reader: CardReader) throws -> TLSConfiguration {
        guard let certificateFile = reader.serverCertificateFile, let keyFile = reader.serverKeyFile else {
            throw CardReader.Problem(description: "no certificate for the eID listener")
        }
        let chain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        // Ask for a certificate without requiring one: no card must give the "insert your card" page, not a TLS error.
        tls.certificateVerification = .optionalVerification
        // The acceptable-CA list in the CertificateRequest lets the browser offer only eID certificates.
        tls.trustRoots = .certificates(try (reader.anchors + reader.intermediates).map {
            try NIOSSLCertificate(bytes: Self.der($0), format: .der)
        })
        tls.sendCANameList = true
        return tls
    }

    static func der(_ certificate: Certificate) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }
}

/// The listener's request context: the channel, to read the chain the handshake recorded.
struct CardReaderRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
        remoteAddress = source.channel.remoteAddress
    }

    func presentedChain() async -> CardReaderEndpoint.Presented {
        guard let chain = try? await channel.nioSSL_peerValidatedCertificateChain().get(), !chain.isEmpty else { return .nothing }
        do {
            return .chain(try chain.map { try Certificate(derEncoded: $0.toDERBytes()) })
        } catch {
            return .unreadable("\(error)")
        }
    }
}

/// TLS in front of Hummingbird's HTTP/1 channel, with a verification callback that records the presented chain
/// as the connection's metadata (HummingbirdTLS's channel has no way to hand the chain to requests).
struct ClientCertificateChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value
    let base: Base
    let context: NIOSSLContext

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(
                NIOSSLServerHandler(context: context, customVerificationCallbackWithMetadata: { presented, promise in
                    promise.succeed(.certificateVerified(VerificationMetadata(presented.isEmpty ? nil : ValidatedCertificateChain(presented))))
                })
            )
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
