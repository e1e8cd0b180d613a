import Foundation
import PersoCore

/// The payroll system's export of a month: `national_number;kind;gross;net`, one line per pay slip, with a header.
/// Read whole and checked line by line before anything is published: a file with one bad line publishes nothing.
struct PayrollExport: Sendable {
    struct Line: Sendable, Equatable {
        let number: Int
        let nationalNumber: String
        let kind: PaySlip.Kind
        let grossCents: Int
        let netCents: Int
    }

    enum Problem: Sendable, Equatable {
        case columns, nationalNumber, kind, amount, twice, notInRegister, alreadyPublished, tooMany
    }

    /// What is wrong with the file, line by line (1 is the header); nothing of it was stored.
    struct Refusal: Error, Sendable {
        let lines: [(line: Int, problem: Problem)]
    }

    static let maximumLines = 20_000
    static let maximumBytes = 5 * 1024 * 1024

    let lines: [Line]
    /// By line number (1 is the header).
    let problems: [(line: Int, problem: Problem)]

    /// Nil for a file that is not UTF-8 text, has no header, or is larger than `maximumBytes`.
    init?(_ data: Data) {
        guard data.count <= Self.maximumBytes, var text = String(data: data, encoding: .utf8) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
        guard let header = rows.first, !header.isEmpty else { return nil }
        let separator: Character = header.contains(";") ? ";" : ","
        var lines: [Line] = []
        var problems: [(Int, Problem)] = []
        var seen = Set<String>()
        let body = rows.enumerated().dropFirst().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        guard body.count <= Self.maximumLines else {
            self.lines = []
            self.problems = [(Self.maximumLines + 2, .tooMany)]
            return
        }
        for (index, row) in body {
            let number = index + 1
            let cells = row.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard cells.count == 4 else { problems.append((number, .columns)); continue }
            guard let nrn = try? NationalRegisterNumber(cells[0]) else { problems.append((number, .nationalNumber)); continue }
            guard let kind = PaySlip.Kind(rawValue: cells[1].lowercased()) else { problems.append((number, .kind)); continue }
            guard let gross = Self.cents(cells[2]), let net = Self.cents(cells[3]), net <= gross else { problems.append((number, .amount)); continue }
            guard seen.insert("\(nrn.digits)-\(kind.rawValue)").inserted else { problems.append((number, .twice)); continue }
            lines.append(Line(number: number, nationalNumber: nrn.digits, kind: kind, grossCents: gross, netCents: net))
        }
        self.lines = lines
        self.problems = problems
    }

    /// "3456.78", "3456,78", "3 456,78", "3.456,78" → 345678; never negative, at most two decimals.
    static func cents(_ text: String) -> Int? {
        var value = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "€", with: "")
        if let comma = value.lastIndex(of: ","), value[comma...].count <= 3 {
            value = value.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let euros = Int(parts[0]), euros >= 0, euros < 10_000_000, !parts[0].isEmpty,
              parts[0].allSatisfy(\.isNumber) else { return nil }
        guard parts.count == 2 else { return euros * 100 }
        guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let fraction = Int(parts[1]) else { return nil }
        return euros * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
    }
}
