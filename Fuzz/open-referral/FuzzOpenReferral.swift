import Foundation
import StitchFuzzSupport
import StitchImport
import StitchModel

/// libFuzzer entry point: the bytes read as an Open Referral document, with and without a date
/// the schedules must still be valid on. The reader must not crash, and keeps one record per id.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.bytes(start, count)
    for reader in readers {
        let result = reader.read(data)
        let ids = result.members.map(\.value.id) + result.activities.map(\.value.id)
        if Set(ids).count != ids.count { fatalError("the Open Referral reader kept two records with the same id") }
    }
    return 0
}

/// The reader as `stitch import` uses it, and with an as-of date.
let readers = [
    OpenReferralReader(),
    OpenReferralReader(source: "Fuzz", asOf: CalendarDate(parsing: "2026-06-01")),
]
