import Foundation
import StitchFuzzSupport
import StitchImport

/// libFuzzer entry point: the bytes read as an OpenActive feed page. The reader must not crash,
/// and its counts must be consistent.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let result = OpenActiveFeedReader().read(FuzzSupport.bytes(start, count), source: "Fuzz")
    if result.deletedCount > result.itemCount || result.deletedCount < 0 {
        fatalError("the OpenActive reader counted more deleted items than items")
    }
    return 0
}
