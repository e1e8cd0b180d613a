import PersoCore
import Plot

/// The 24 codes of a token card as they are printed: rows of four, each code after its position. "My keys" shows it
/// once after an activation; the registration office prints it at the counter and after an activation at home.
public enum TokenCardSheet {
    public static func node(_ codes: [String]) -> Node<HTML.BodyContext> {
        .table(
            .id("token-card"), .class("token-card"),
            .tbody(.forEach(stride(from: 0, to: codes.count, by: 4).map { Array(codes.indices[$0..<min($0 + 4, codes.count)]) }) { row in
                .tr(.forEach(row) { index in
                    .td(.span(.class("position"), .text("\(index + 1)")), .span(.class("token-code"), .text(codes[index])))
                })
            })
        )
    }
}
