import Foundation
import StitchModel

/// The bundled demo's dismissals (`data/lewisham-dismissals.json`): a broker's "not this one"
/// for one of the demo's people, read with `--demo` and stored by `stitch demo`.
enum DemoDismissals {
    /// The file's name under `data/`.
    static let file = "lewisham-dismissals.json"

    /// The demo's dismissals, read strictly (a bad one is an error naming its field).
    static func read() throws -> [Dismissal] {
        try JSONInput.decode([Dismissal].self, fromFile: try DataLocator.path(of: file))
    }
}
