import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import PersoCore

/// A small SMTP submission client (RFC 5321, RFC 3207 STARTTLS, RFC 4954 AUTH PLAIN/LOGIN) on SwiftNIO: one
/// connection per message, which is plenty for login codes and notifications and never leaves a connection
/// half-used after an error.
struct SMTPClient: Sendable {
    let server: MailServer
    /// The name we give in EHLO: the host of the public URL.
    let heloName: String
    /// The whole conversation must end within this; a stuck server is a failed try, retried later.
    let deadline: Duration
    private let tls: NIOSSLContext?

    init(server: MailServer, heloName: String, deadline: Duration = .seconds(60)) throws {
        self.server = server
        self.heloName = Self.domainOrLiteral(heloName)
        self.deadline = deadline
        if server.security == .none {
            tls = nil
        } else {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.minimumTLSVersion = .tlsv12
            if let file = server.trustedCertificatesFile {
                configuration.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(file))]
            }
            tls = try NIOSSLContext(configuration: configuration)
        }
    }

    /// Sends one message; returns when the server has taken responsibility for it (250 after DATA).
    func send(_ message: MIMEMessage) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            let channel = try await connect()
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var conversation = Conversation(replies: inbound.makeAsyncIterator(), outbound: outbound)
                    try await converse(&conversation, channel: channel.channel, message: message)
                }
            }
            group.addTask { [deadline] in
                try await Task.sleep(for: deadline)
                channel.channel.close(promise: nil)
                throw SMTPError.timedOut
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private func connect() async throws -> NIOAsyncChannel<SMTPReply, ByteBuffer> {
        let implicitTLS = server.security == .implicitTLS ? tls : nil
        let hostname = sniName
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: server.host, port: server.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: hostname))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// SNI takes names only; for an address NIOSSL checks the certificate against the peer's IP instead.
    private var sniName: String? {
        server.host.contains(":") || server.host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : server.host
    }

    private func converse(_ conversation: inout Conversation, channel: any Channel, message: MIMEMessage) async throws {
        try await conversation.expect([220], after: "connect")
        var extensions = try await conversation.command("EHLO \(heloName)", expect: [250]).extensions
        var encrypted = server.security == .implicitTLS
        if !encrypted, server.security != .none, let tls {
            if extensions.contains("STARTTLS") {
                try await conversation.command("STARTTLS", expect: [220])
                let hostname = sniName
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: hostname), position: .first)
                }.get()
                encrypted = true
                // RFC 3207 §4.2: everything learnt before TLS is forgotten.
                extensions = try await conversation.command("EHLO \(heloName)", expect: [250]).extensions
            } else if server.security == .requireSTARTTLS {
                throw SMTPError.startTLSNotOffered
            }
        }
        if let username = server.username, let password = server.password {
            guard encrypted || ["localhost", "127.0.0.1", "::1"].contains(server.host) else { throw SMTPError.wouldSendPasswordInClear }
            let mechanisms = extensions.first(where: { $0.hasPrefix("AUTH ") }).map { Set($0.split(separator: " ").dropFirst().map(String.init)) } ?? []
            if mechanisms.contains("PLAIN") {
                let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                try await conversation.command("AUTH PLAIN \(token)", expect: [235], redacted: "AUTH PLAIN ****")
            } else if mechanisms.contains("LOGIN") {
                try await conversation.command("AUTH LOGIN", expect: [334])
                try await conversation.command(Data(username.utf8).base64EncodedString(), expect: [334], redacted: "(username)")
                try await conversation.command(Data(password.utf8).base64EncodedString(), expect: [235], redacted: "(password)")
            } else {
                throw SMTPError.noUsableAuthentication
            }
        }
        let smtpUTF8 = extensions.contains("SMTPUTF8") && !(message.from.address + message.to.address).allSatisfy(\.isASCII)
        try await conversation.command("MAIL FROM:<\(message.from.address)>\(smtpUTF8 ? " SMTPUTF8" : "")", expect: [250])
        try await conversation.command("RCPT TO:<\(message.to.address)>", expect: [250, 251])
        try await conversation.command("DATA", expect: [354])
        try await conversation.command(Self.dotStuffed(message.rendered) + "\r\n.", expect: [250], redacted: "(message)")
        // The message is the server's now: a failing QUIT changes nothing.
        try? await conversation.command("QUIT", expect: [221])
    }

    /// RFC 5321 §4.1.3: an address in EHLO is written as a literal, `[192.0.2.1]` or `[IPv6:2001:db8::1]`.
    static func domainOrLiteral(_ host: String) -> String {
        if host.contains(":") { return "[IPv6:\(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))]" }
        if !host.isEmpty, host.allSatisfy({ $0.isNumber || $0 == "." }) { return "[\(host)]" }
        return host
    }

    /// RFC 5321 §4.5.2: a line that starts with a dot gets another one, so that it cannot end the message.
    static func dotStuffed(_ text: String) -> String {
        text.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n")
    }
}

/// The client's side of one SMTP conversation: a command out, a reply in.
private struct Conversation {
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    @discardableResult
    mutating func expect(_ codes: Set<Int>, after command: String) async throws -> SMTPReply {
        guard let reply = try await replies.next() else { throw SMTPError.connectionClosed(after: command) }
        guard codes.contains(reply.code) else { throw SMTPError.refused(command: command, reply: reply) }
        return reply
    }

    @discardableResult
    mutating func command(_ line: String, expect codes: Set<Int>, redacted: String? = nil) async throws -> SMTPReply {
        guard !line.contains("\r\n") || redacted == "(message)", !line.contains("\0") else { throw SMTPError.invalidCommand }
        do {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
        } catch {
            // A write fails on a channel that an error already closed (a TLS handshake refused): say that error.
            _ = try await replies.next()
            throw error
        }
        let name = redacted ?? String(line.prefix(60))
        return try await expect(codes, after: name)
    }
}

/// A complete reply: the code and every line's text (a multi-line reply is "250-…" lines ending with "250 …").
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]

    /// EHLO's lines after the greeting, upper-cased: "STARTTLS", "AUTH PLAIN LOGIN", "SIZE 10240000".
    var extensions: [String] { lines.dropFirst().map { $0.uppercased() } }
}

struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    private var lines: [String] = []
    private var code: Int?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            // RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets.
            if buffer.readableBytes > 2048 { throw SMTPError.malformedReply }
            return .needMoreData
        }
        let line = buffer.readString(length: newline - buffer.readerIndex + 1)!.trimmingCharacters(in: .newlines)
        let characters = Array(line.utf8)
        guard characters.count >= 3, let code = Int(String(decoding: characters[0..<3], as: UTF8.self)), (200...599).contains(code),
              self.code == nil || self.code == code, lines.count < 100 else { throw SMTPError.malformedReply }
        let continues = characters.count > 3 && characters[3] == UInt8(ascii: "-")
        lines.append(characters.count > 4 ? String(decoding: characters[4...], as: UTF8.self) : "")
        if continues {
            self.code = code
        } else {
            context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: lines)))
            lines = []
            self.code = nil
        }
        return .continue
    }
}

enum SMTPError: Error, CustomStringConvertible, Equatable {
    case refused(command: String, reply: SMTPReply)
    case connectionClosed(after: String)
    case startTLSNotOffered
    case wouldSendPasswordInClear
    case noUsableAuthentication
    case malformedReply
    case invalidCommand
    case timedOut

    /// A 5xx reply to the envelope or the data: trying again will not help (unknown mailbox, message refused).
    var isPermanent: Bool {
        if case .refused(let command, let reply) = self {
            return reply.code >= 500 && (command.hasPrefix("RCPT") || command.hasPrefix("MAIL") || command == "(message)")
        }
        return false
    }

    var description: String {
        switch self {
        case .refused(let command, let reply): "the mail server answered \(reply.code) \(reply.lines.joined(separator: " ").prefix(200)) to \(command)"
        case .connectionClosed(let command): "the mail server closed the connection after \(command)"
        case .startTLSNotOffered: "the mail server does not offer STARTTLS and the configuration requires it (tls=required)"
        case .wouldSendPasswordInClear: "refusing to send the mail password without TLS to a remote server"
        case .noUsableAuthentication: "the mail server offers neither AUTH PLAIN nor AUTH LOGIN"
        case .malformedReply: "the mail server's reply is not SMTP"
        case .invalidCommand: "a command contained a line break or a NUL"
        case .timedOut: "the mail server did not finish within the time limit"
        }
    }
}
