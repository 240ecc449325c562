import Foundation

extension CommunityImport {
    /// The keys of a community file's top-level object, found without reading the records of
    /// its four lists (`members`, `activities`, `exchanges`, `attendance`); `nil` when a quick
    /// scan cannot tell (see ``CommunityFileLayout``), a key is given twice, or a value outside
    /// the lists is not sound JSON.
    ///
    /// The records themselves are checked by ``read(_:)``, which reports a file that is not
    /// sound JSON as `$`. So a caller that tells the kind of a file by its keys (`stitch import`)
    /// can do so without decoding a large file twice.
    public static func topLevelKeys(_ data: Data) -> [String]? {
        guard let layout = CommunityFileLayout.scan(data), Set(layout.keys).count == layout.keys.count else { return nil }
        for range in layout.otherValues {
            guard (try? JSONSerialization.jsonObject(with: data[range], options: .fragmentsAllowed)) != nil else {
                return nil
            }
        }
        return layout.keys
    }
}
