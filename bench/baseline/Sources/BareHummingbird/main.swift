import Hummingbird

/// A discovery-sized JSON answer, written once, and the same answer behind nine pass-through middlewares (as many as
/// PersoPoint's shell puts around every route), to separate the framework's cost from the middleware chain's.
struct PassThrough<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await next(request, context)
    }
}

let body = ByteBuffer(string: "{" + (0..<40).map { "\"member\($0)\":\"https://gateway.example/fas/oauth2/endpoint\($0)\"" }.joined(separator: ",") + "}")
let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 18099

let bare = Router()
bare.get("/json") { _, _ in Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body)) }

let chained = Router()
for _ in 0..<9 { chained.add(middleware: PassThrough()) }
chained.get("/json") { _, _ in Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body)) }

let which = CommandLine.arguments.dropFirst(2).first ?? "bare"
let app = Application(router: which == "chained" ? chained : bare, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
