#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Resident memory of this process, and a way to hand freed heap pages back to the system so
/// that resident memory measures what is still allocated.
enum ProcessMemory {
    /// Resident set size in bytes (Linux `/proc/self/statm`; 0 elsewhere).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Returns free heap pages to the system (glibc `malloc_trim`, looked up at run time as
    /// Glibc's module map does not export `malloc.h`). Does nothing where it is missing.
    static func trim() {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "malloc_trim") else { return }
        typealias MallocTrim = @convention(c) (Int) -> Int32
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
