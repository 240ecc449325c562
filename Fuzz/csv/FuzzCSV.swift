import Foundation
import StitchFuzzSupport
import StitchImport
import StitchModel

/// libFuzzer entry point: the same bytes read as a CSV file of members, as one of activities,
/// as a TimeOverflow export (its files separated by form feeds), and as the text of a slot cell.
///
/// No reader may crash, and each keeps at most one record per id.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.bytes(start, count)
    let members = CSVMemberReader().read(data)
    checkUnique(members.members.map(\.value.id))
    let activities = CSVActivityReader().read(data)
    checkUnique(activities.activities.map(\.value.id))
    let files = data.split(separator: 0x0C, omittingEmptySubsequences: false).prefix(5).enumerated().map {
        (name: "report-\($0.offset).csv", data: Data($0.element))
    }
    let export = TimeOverflowReader().read(files)
    checkUnique(export.members.map(\.value.id))
    checkUnique(export.exchanges.compactMap(\.value.id))
    if let text = String(data: data.prefix(256), encoding: .utf8), let slots = try? WeeklyTimeText.slots(text) {
        if slots.contains(where: { $0.start >= $0.end }) { fatalError("a slot that does not end after its start") }
    }
    return 0
}

/// Stops the run when a reader kept two records with one id.
func checkUnique(_ ids: [String]) {
    if Set(ids).count != ids.count { fatalError("a reader kept two records with the same id") }
}
