import Foundation
import StitchFuzzSupport
import StitchModel
import StitchStore

/// libFuzzer entry point: the bytes read as a community file, as `stitch import` reads one
/// (``CommunityImport``) and as `community.load` decodes one (`JSONDecoder`, then validation).
///
/// Neither may crash; what the import keeps must be a sound community, and never more records
/// than the file held.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.bytes(start, count)
    if let result = try? CommunityImport.read(data) {
        let kept = result.community
        do {
            try kept.validate()
        } catch {
            fatalError("the records a community import keeps do not validate")
        }
        if kept.members.count > result.read.members || kept.activities.count > result.read.activities
            || kept.exchanges.count > result.read.exchanges || kept.attendance.count > result.read.attendance
        {
            fatalError("a community import kept more records than it read")
        }
    }
    if let community = try? JSONDecoder().decode(Community.self, from: data) {
        _ = try? community.validate()
    }
    return 0
}
