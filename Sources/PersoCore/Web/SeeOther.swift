import Hummingbird

/// A redirect after a POST (303), as every form of ours ends.
public func seeOther(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}
