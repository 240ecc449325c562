import Foundation
public import StitchModel

/// Writes a community as CSV, one file per kind of record (`stitch export --format csv`), in the
/// columns and cell forms the CSV readers take, so that members and activities exported are
/// imported back as they were.
///
/// Members and activities use ``CSVMemberReader/columns`` and ``CSVActivityReader/columns``:
/// lists separated by `; `, slots as `Mon 10:00-12:00`, yes/no as `yes`/`no`, goals as
/// `connect=1; give=0.5`, an unknown value as an empty cell. Exchanges (`id, giver, receiver,
/// hours, skill, date`) and attendance (`member, activity, date`) are written for spreadsheets;
/// `stitch import` does not read them back (a community file carries them).
///
/// Some values cannot pass through CSV unchanged (an offer holding `;`, which the reader takes as
/// a list separator; a description with line breaks, which the reader makes spaces);
/// ``changedByCSV(_:)`` finds them by reading the file back, so an export can say which.
///
/// ```swift
/// let text = CSVCommunityWriter.members(community.members)
/// for problem in CSVCommunityWriter.changedByCSV(community) { print(problem) }
/// ```
public enum CSVCommunityWriter {
    /// The header of the exchanges file.
    public static let exchangeColumns = ["id", "giver", "receiver", "hours", "skill", "date"]
    /// The header of the attendance file.
    public static let attendanceColumns = ["member", "activity", "date"]

    /// Members, one per row.
    public static func members(_ members: [Member]) -> String {
        table(CSVMemberReader.columns, members.map { row($0) })
    }

    /// Activities, one per row.
    public static func activities(_ activities: [Activity]) -> String {
        table(CSVActivityReader.columns, activities.map { row($0) })
    }

    /// Exchanges, one per row.
    public static func exchanges(_ exchanges: [Exchange]) -> String {
        table(
            exchangeColumns,
            exchanges.map { e in
                Dictionary(uniqueKeysWithValues: zip(
                    exchangeColumns,
                    [e.id ?? "", e.giver, e.receiver, number(e.hours), e.skill ?? "", e.date?.description ?? ""]))
            })
    }

    /// Attendance, one per row.
    public static func attendance(_ attendance: [Attendance]) -> String {
        table(
            attendanceColumns,
            attendance.map {
                Dictionary(uniqueKeysWithValues: zip(attendanceColumns, [$0.member, $0.activity, $0.date?.description ?? ""]))
            })
    }

    /// The members and activities that would not be read back from their CSV exactly as they
    /// are, each as `members[3] (m-ada): offers` with the fields that would change.
    public static func changedByCSV(_ community: Community) -> [String] {
        var problems: [String] = []
        let members = CSVMemberReader().read(Data(self.members(community.members).utf8)).members.map(\.value)
        problems += differences(community.members, members, list: "members")
        let activities = CSVActivityReader().read(Data(self.activities(community.activities).utf8)).activities
            .map(\.value)
        problems += differences(community.activities, activities, list: "activities")
        return problems
    }

    // MARK: - Rows

    /// A member's cells by column name; the file's columns are the reader's, in its order, so a
    /// column the reader gains is never filled from its neighbour.
    static func row(_ m: Member) -> [String: String] {
        [
            "id": m.id, "name": m.name ?? "", "offers": list(m.offers), "interests": list(m.interests),
            "needs": list(m.needs), "experiences": list(m.experiences), "availability": slots(m.availability),
            "lat": m.location.map { number($0.lat) } ?? "", "lon": m.location.map { number($0.lon) } ?? "",
            "postcode": m.postcode?.description ?? "", "travelKm": m.travelKm.map(number) ?? "",
            "homeVisits": yesNo(m.homeVisits), "housebound": yesNo(m.housebound),
            "accessNeeds": list(m.accessNeeds.map(\.rawValue)), "languages": list(m.languages),
            "dbsChecked": yesNo(m.dbsChecked), "birthYear": m.birthYear.map(String.init) ?? "", "groups": list(m.groups),
            "wellbeing": m.wellbeing.map(goals) ?? "", "avoid": list(m.avoid), "active": yesNo(m.active),
            "interpreter": yesNo(m.interpreter), "maxCost": m.maxCost.map(number) ?? "",
            "dbsIssued": m.dbs?.checked?.description ?? "", "dbsLevel": m.dbs?.level?.rawValue ?? "",
            "dbsUpdateService": m.dbs?.checked == nil ? "" : yesNo(m.dbs?.updateService ?? false),
            "away": m.away.map { $0.from == $0.to ? "\($0.from)" : "\($0.from) to \($0.to)" }.joined(separator: "; "),
            "gender": m.gender?.rawValue ?? "", "helperGender": m.helperGender?.rawValue ?? "",
            "pets": m.home.map { list($0.pets.map(\.rawValue)) } ?? "", "smoking": m.home.map { yesNo($0.smoking) } ?? "",
            "allergies": m.visitLimits.map { list($0.allergies.map(\.rawValue)) } ?? "",
            "smokeFree": m.visitLimits.map { yesNo($0.smokeFree) } ?? "",
        ]
    }

    /// An activity's cells by column name.
    static func row(_ a: Activity) -> [String: String] {
        [
            "id": a.id, "name": a.name, "organisation": a.organisation ?? "", "description": a.description ?? "",
            "topics": list(a.topics), "wellbeing": list(a.wellbeing.map(\.rawValue)), "schedule": (a.schedule.map(\.description) + a.datedSessions.map { "\($0.date) \($0.start)-\($0.end)" }).joined(separator: "; "),
            "lat": a.location.map { number($0.lat) } ?? "", "lon": a.location.map { number($0.lon) } ?? "",
            "postcode": a.postcode?.description ?? "", "online": yesNo(a.online),
            "capacity": a.capacity.map(String.init) ?? "", "enrolled": String(a.enrolled),
            "access": list(a.access.map(\.rawValue)), "cost": a.cost.map(number) ?? "",
            "ageMin": a.ageMin.map(String.init) ?? "", "ageMax": a.ageMax.map(String.init) ?? "",
            "buddyWelcome": yesNo(a.buddyWelcome), "groups": list(a.groups), "attribution": a.attribution ?? "",
            "languages": list(a.languages),
        ]
    }

    // MARK: - Cells

    static func list(_ items: [String]) -> String { items.joined(separator: "; ") }

    static func slots(_ slots: [Slot]) -> String { slots.map(\.description).joined(separator: "; ") }

    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    /// The shortest text that reads back as the same number (`3`, `51.4452`, `-0.011`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `connect=1; give=0.5`: the ways with a goal (a way left out is 0); `connect=0` when none has.
    static func goals(_ ways: FiveWays) -> String {
        let set = WellbeingWay.allCases.filter { ways[$0] != 0 }.map { "\($0.rawValue)=\(number(ways[$0]))" }
        return set.isEmpty ? "connect=0" : set.joined(separator: "; ")
    }

    /// The whole file: the header, then one line per row, cells quoted when they must be.
    static func table(_ columns: [String], _ rows: [[String: String]]) -> String {
        var out = columns.map(quoted).joined(separator: ",") + "\n"
        for row in rows { out += columns.map { quoted(row[$0] ?? "") }.joined(separator: ",") + "\n" }
        return out
    }

    /// A cell as CSV writes it: in double quotes (doubled inside) when it holds a comma, a quote,
    /// a line break or space at either end.
    static func quoted(_ cell: String) -> String {
        let needs =
            cell.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        return needs ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    // MARK: - Checking

    /// Each record whose read-back differs (or is missing), with the fields that differ.
    static func differences<T: Encodable & Identifiable & Equatable>(_ written: [T], _ read: [T], list: String)
        -> [String] where T.ID == String
    {
        let back = Dictionary(read.map { ($0.id, $0) }) { first, _ in first }
        var problems: [String] = []
        let encoder = JSONEncoder()
        for (i, record) in written.enumerated() {
            guard let again = back[record.id] else {
                problems.append("\(list)[\(i)] (\(record.id)): would not be read back from CSV")
                continue
            }
            if again == record { continue }
            guard let a = try? encoder.encode(record), let b = try? encoder.encode(again),
                let x = (try? JSONSerialization.jsonObject(with: a)) as? [String: Any],
                let y = (try? JSONSerialization.jsonObject(with: b)) as? [String: Any]
            else { continue }
            func text(_ value: Any?) -> Data? {
                try? JSONSerialization.data(withJSONObject: [value ?? NSNull()], options: [.sortedKeys])
            }
            let fields = Set(x.keys).union(y.keys).sorted().filter { text(x[$0]) != text(y[$0]) }
            if !fields.isEmpty {
                problems.append("\(list)[\(i)] (\(record.id)): \(fields.joined(separator: ", ")) would change in CSV")
            }
        }
        return problems
    }
}
