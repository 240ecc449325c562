import Foundation
import StitchFuzzSupport
import StitchImport
import StitchModel

/// libFuzzer entry point: the same bytes read as a CSV file of members and as one of activities.
///
/// Neither reader may crash, and each keeps at most one record per id.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.bytes(start, count)
    let members = CSVMemberReader().read(data)
    checkUnique(members.members.map(\.value.id))
    let activities = CSVActivityReader().read(data)
    checkUnique(activities.activities.map(\.value.id))
    return 0
}

/// Stops the run when a reader kept two records with one id.
func checkUnique(_ ids: [String]) {
    if Set(ids).count != ids.count { fatalError("a reader kept two records with the same id") }
}
